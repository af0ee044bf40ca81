"""The small-cell rule: no published figure rests on, or can be worked out for, fewer than 3 organisations."""

import csv
import io

import pytest

from monitoring import disclosure
from tests.factories import EntityFactory, RoundFactory, accepted_report, gmina, sector
from tests.monitoring import attack


def _published(partitions, protection):
    total = frozenset().union(*next(iter(partitions.values())).values())
    visible = [
        members
        for table, rows in partitions.items()
        for key, members in rows.items()
        if members and protection.reason(table, key) is None
    ]
    return [total, *visible]


def test_it_hides_rows_with_fewer_than_three_answers():
    protection = disclosure.protect(
        {"powiat": {"a": frozenset("x"), "b": frozenset("pqrs"), "c": frozenset("tuv")}}
    )
    assert protection.reason("powiat", "a") == disclosure.PRIMARY
    assert protection.reason("powiat", "b") is None or protection.reason("powiat", "c") is None


def test_a_lone_hidden_row_gets_a_partner_so_the_total_does_not_give_it_away():
    partitions = {"powiat": {"a": frozenset("x"), "b": frozenset("pqrs"), "c": frozenset("tuv")}}
    protection = disclosure.protect(partitions)
    hidden = {key for key in "abc" if protection.reason("powiat", key)}
    assert hidden == {"a", "c"}  # the smallest other row
    assert protection.reason("powiat", "c") == disclosure.SECONDARY
    leftover = attack.differencing("xpqrstuv", [[partitions["powiat"]["b"]]])[0]
    assert len(leftover) >= 3


def test_hidden_rows_together_hold_at_least_three_answers():
    partitions = {
        "forma": {"a": frozenset("x"), "b": frozenset("y"), "c": frozenset("pqrs"), "d": frozenset("tuvw")}
    }
    protection = disclosure.protect(partitions)
    hidden = [key for key in "abcd" if protection.reason("forma", key)]
    assert sum(len(partitions["forma"][key]) for key in hidden) >= 3


def test_it_stops_an_individual_from_being_read_off_two_overlapping_tables():
    # Powiat r1 = {X, A, B, C} and form s1 = {A, B, C}: r1 − s1 would be X alone, though every row has 3+.
    partitions = {
        "powiat": {"r1": frozenset("XABC"), "r2": frozenset("DEFG")},
        "forma": {"s1": frozenset("ABC"), "s2": frozenset("XDEFG")},
    }
    naive = disclosure.Protection({"powiat": {}, "forma": {}})
    assert attack.solvable_individuals(_published(partitions, naive), "XABCDEFG") == [{"X"}]
    protection = disclosure.protect(partitions)
    published = _published(partitions, protection)
    assert attack.solvable_individuals(published, "XABCDEFG") == []
    assert attack.small_signed_combinations(published) == []


def test_two_people_cannot_be_read_as_a_pair_either():
    partitions = {
        "powiat": {"r1": frozenset("XYABC"), "r2": frozenset("DEFG")},
        "forma": {"s1": frozenset("ABC"), "s2": frozenset("XYDEFG")},
    }
    protection = disclosure.protect(partitions)
    assert attack.solvable_individuals(_published(partitions, protection), "XYABCDEFG") == []


def test_fewer_than_three_answers_in_the_whole_round_hides_everything():
    protection = disclosure.protect({"powiat": {"a": frozenset("xy")}})
    assert protection.total_hidden
    assert protection.reason("powiat", "a") == disclosure.TOO_FEW_OVERALL


def test_tables_must_split_the_same_respondents():
    with pytest.raises(ValueError):
        disclosure.protect({"powiat": {"a": frozenset("xyz")}, "forma": {"b": frozenset("xy")}})


def test_many_random_layouts_never_leak():
    import random

    rng = random.Random(16)
    for _trial in range(40):
        people = [f"p{i}" for i in range(rng.randint(3, 14))]
        partitions = {}
        for table, groups in (("powiat", 4), ("forma", 3), ("branza", 3)):
            rows = {}
            for person in people:
                rows.setdefault(rng.randrange(groups), set()).add(person)
            partitions[table] = {key: frozenset(members) for key, members in rows.items()}
        protection = disclosure.protect(partitions)
        published = _published(partitions, protection)
        assert attack.solvable_individuals(published, people) == [], partitions


# --- Against the published pages -----------------------------------------------------------------------


KRAKOW, TARNOW, BOCHNIA = "126101", "126301", "120101"


def _entity(teryt, form, sector_slug):
    return EntityFactory(gmina=gmina(teryt), legal_form=form, sectors=[sector(sector_slug)])


@pytest.fixture
def tricky_round(db):
    """Tarnów has one respondent (X); in Kraków X's form-mates would let X be read off the form table."""
    round_ = RoundFactory(year=2024, state="closed")
    people = {
        "X": _entity(TARNOW, "fundacja", "kultura"),
        "A": _entity(KRAKOW, "fundacja", "kultura"),
        "B": _entity(KRAKOW, "fundacja", "kultura"),
        "C": _entity(KRAKOW, "fundacja", "kultura"),
        "D": _entity(KRAKOW, "stowarzyszenie", "transport"),
        "E": _entity(BOCHNIA, "stowarzyszenie", "transport"),
        "F": _entity(BOCHNIA, "stowarzyszenie", "transport"),
        "G": _entity(BOCHNIA, "stowarzyszenie", "transport"),
    }
    values = {"X": 37, "A": 5, "B": 8, "C": 11, "D": 4, "E": 6, "F": 9, "G": 12}
    for name, entity in people.items():
        accepted_report(round_, entity, zatrudnieni=values[name], etaty=str(values[name]))
    return round_, people, values


def _csv(client, year, table):
    response = client.get(f"/monitoring/{year}/{table}.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_an_attacker_cannot_rebuild_an_answer_from_the_published_tables(client, tricky_round):
    round_, people, values = tricky_round
    places = {
        "powiat": {name: entity.gmina.powiat.name for name, entity in people.items()},
        "forma": {name: entity.get_legal_form_display() for name, entity in people.items()},
        "branza": {name: entity.sectors.first().name for name, entity in people.items()},
    }
    total_line = _csv(client, round_.year, "razem")[1]
    employees_column = 4  # label, asked, answers, response rate, then the employees' sum
    published_sets, published_sums = [frozenset(people)], [int(total_line[employees_column])]
    for table in ("powiat", "forma", "branza"):
        header, *lines, _total = _csv(client, round_.year, table)
        assert header[employees_column].startswith("Osoby zatrudnione: suma")
        visible = []
        for line in lines:
            if line[employees_column] == "—":
                assert line[-1], "a hidden cell must say why"
                continue
            members = frozenset(n for n, label in places[table].items() if label in line[0])
            assert len(members) == int(line[2]) >= 3
            assert sum(values[n] for n in members) == int(line[employees_column])
            visible.append(members)
            published_sets.append(members)
            published_sums.append(int(line[employees_column]))
        for leftover in attack.differencing(people, [visible]):
            assert not 0 < len(leftover) < 3, f"total − visible rows of {table} leaves {leftover}"
    assert attack.small_signed_combinations(published_sets) == []
    assert attack.solvable_individuals(published_sets, people) == []
    # And X's answer (37) is nowhere to be read: no published number equals it.
    assert 37 not in published_sums[1:]
