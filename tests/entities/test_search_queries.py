"""What people type into the registry's search, and what it must (and must not) find: one table of queries."""

import pytest
from django.urls import reverse

from entities import word_index
from entities.demo import krs_for, nip_for, regon_for
from entities.models import Entity, LegalForm
from tests.factories import EntityFactory
from tests.indexes import forget_word_index

pytestmark = pytest.mark.django_db
URL = reverse("entities:list")

ENTITIES = {
    "razem": {
        "name": "Spółdzielnia Socjalna „Razem”",
        "legal_form": LegalForm.SOCIAL_COOPERATIVE,
        "town": "Kraków",
        "offer": "Catering na konferencje i szkolenia, obiady abonamentowe.",
        "nip": nip_for(287),
        "regon": regon_for(287),
        "krs": krs_for(287),
    },
    "seniorzy": {
        "name": "Fundacja Pomocy Seniorom „Przystań”",
        "legal_form": LegalForm.FOUNDATION,
        "town": "Tarnów",
        "offer": "Usługi opiekuńcze w domu, asystencja osobista.",
    },
    "dzieci": {
        "name": "Stowarzyszenie Przyjaciół Dzieci Gminy Łapanów",
        "legal_form": LegalForm.ASSOCIATION,
        "town": "Łapanów",
        "description": "Prowadzimy świetlicę i zajęcia dla dzieci.",
    },
    "cis": {
        "name": "Centrum Integracji Społecznej Gminy Bochnia",
        "legal_form": LegalForm.CIS,
        "town": "Bochnia",
        "description": "Reintegracja zawodowa i społeczna.",
    },
    "kis": {
        "name": "Klub Integracji Społecznej w Wieliczce",
        "legal_form": LegalForm.KIS,
        "town": "Wieliczka",
    },
    "wtz": {"name": "Warsztat Terapii Zajęciowej „Tęcza”", "legal_form": LegalForm.WTZ, "town": "Nowy Sącz"},
    "zaz": {
        "name": "Zakład Aktywności Zawodowej w Zakopanem",
        "legal_form": LegalForm.ZAZ,
        "town": "Zakopane",
    },
    "kgw": {"name": "Koło Gospodyń Wiejskich „Żywa Tradycja”", "legal_form": LegalForm.KGW, "town": "Żabno"},
    "sciezka": {
        "name": "Ścieżka sp. z o.o. non-profit",
        "legal_form": LegalForm.NONPROFIT_COMPANY,
        "town": "Świątniki Górne",
        "description": "Spółka założona przez fundację z Krakowa.",
        "offer": "Sprzątanie biur, koszenie, pielęgnacja zieleni.",
    },
    "ukryta": {"name": "Fundacja Ukryta w Krakowie", "town": "Kraków", "state": Entity.State.DRAFT},
}

# (query, must find, must not find)
CASES = [
    # Inflected forms
    ("spółdzielnie socjalne", {"razem"}, {"seniorzy", "sciezka"}),
    ("spoldzielnie socjalne", {"razem"}, {"seniorzy"}),
    ("spółdzielni", {"razem"}, set()),
    ("fundacji", {"seniorzy", "sciezka"}, {"razem", "ukryta"}),
    ("fundacje", {"seniorzy"}, {"razem"}),
    ("stowarzyszeniu", {"dzieci"}, {"seniorzy"}),
    ("stowarzyszenia", {"dzieci"}, set()),
    ("w Krakowie", {"razem"}, {"seniorzy", "ukryta"}),
    ("Krakowie", {"razem"}, {"seniorzy"}),
    ("krakowie", {"razem"}, set()),
    ("w Tarnowie", {"seniorzy"}, {"razem"}),
    ("integracji społecznej", {"cis", "kis"}, {"razem"}),
    ("usługami opiekuńczymi", {"seniorzy"}, {"razem"}),
    ("uslugi opiekuncze", {"seniorzy"}, {"razem"}),
    ("dzieciom", {"dzieci"}, set()),
    # Prefixes of partly typed words, case and diacritics
    ("spoldziel", {"razem"}, {"seniorzy"}),
    ("SPÓŁDZIEL krak", {"razem"}, {"seniorzy"}),
    ("ŁAPANÓW", {"dzieci"}, {"razem"}),
    ("lapanow", {"dzieci"}, set()),
    ("sciezka", {"sciezka"}, set()),
    ("ŚCIEŻKA", {"sciezka"}, set()),
    ("zywa tradycja", {"kgw"}, set()),
    ("nowy sacz", {"wtz"}, set()),
    # Abbreviations and synonyms
    ("CIS", {"cis"}, {"kis", "razem"}),
    ("cis", {"cis"}, {"kis"}),
    ("KIS", {"kis"}, {"cis"}),
    ("WTZ", {"wtz"}, {"zaz"}),
    ("ZAZ", {"zaz"}, {"wtz"}),
    ("KGW", {"kgw"}, {"razem"}),
    ("NGO", {"seniorzy", "dzieci"}, {"razem", "zaz"}),
    ("koło gospodyń", {"kgw"}, set()),
    ("katering", {"razem"}, {"seniorzy"}),
    ("gastronomia", {"razem"}, {"seniorzy"}),
    ("opieka", {"seniorzy"}, {"razem"}),
    ("sprzątanie", {"sciezka"}, {"razem"}),
    ("warsztaty terapii", {"wtz"}, set()),
    # Identifiers in several formats
    (nip_for(287), {"razem"}, {"seniorzy"}),
    ("677-000-28-77", {"razem"}, {"seniorzy"}),
    ("PL 677 000 28 77", {"razem"}, set()),
    ("PL6770002877", {"razem"}, set()),
    (krs_for(287), {"razem"}, set()),
    ("900287", {"razem"}, set()),
    (regon_for(287), {"razem"}, set()),
    # Mixed words
    ("spoldzielnie krakow catering", {"razem"}, {"seniorzy", "sciezka"}),
    ("fundacja tarnów opiekuńcze", {"seniorzy"}, {"razem"}),
    ("catering tarnow", set(), {"razem", "seniorzy"}),
    # Drafts are never found
    ("ukryta", set(), {"ukryta"}),
]


@pytest.fixture
def registry(db):
    return {key: EntityFactory(**fields) for key, fields in ENTITIES.items()}


@pytest.fixture(params=["database", pytest.param("word index", marks=pytest.mark.postgres)])
def answered_by(request, settings, monkeypatch):
    """Each query through both searches: the database's, and the word index in memory that answers where the
    page cache runs (entities/word_index.py), starting from no index."""
    forget_word_index(monkeypatch)
    settings.PAGE_CACHE = request.param == "word index"
    return request.param


def test_the_search_table_has_at_least_forty_queries():
    assert len(CASES) >= 40


def test_each_query_finds_what_it_must_and_nothing_it_must_not(client, registry, answered_by):
    names = {key: entity.name for key, entity in registry.items()}
    failures = []
    for query, must_find, must_not_find in CASES:
        response = client.get(URL, {"q": query})
        found = {entity.name for entity in response.context["page"].object_list}
        missing = {names[key] for key in must_find} - found
        unwanted = {names[key] for key in must_not_find} & found
        if missing or unwanted:
            failures.append(f"{query!r}: missing {sorted(missing)}, unwanted {sorted(unwanted)}")
    assert not failures, "\n".join(failures)
    assert (word_index._current[1] is not None) == (answered_by == "word index")


def test_a_single_identifier_match_is_announced_with_a_link(client, registry):
    html = client.get(URL, {"q": "677-000-28-77"}).content.decode()
    assert "Ten numer (NIP, REGON lub KRS) ma jeden podmiot" in html
    assert f'href="{registry["razem"].get_absolute_url()}" class="search-hint__link"' in html


def test_a_number_that_is_no_identifier_searches_the_text(client, registry):
    response = client.get(URL, {"q": "12345"})
    assert response.context["identifier_match"] is None


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("spółdzelnia", "spółdzielnia"), ("fundajca", "fundacja"), ("stowarzyszenei", "stowarzyszenie")],
)
def test_a_typo_gets_a_suggestion(client, registry, typed, suggested):
    response = client.get(URL, {"q": typed})
    assert response.context["suggestion"] == suggested
    assert "Czy chodziło Ci o:" in response.content.decode()


def test_without_pg_trgm_a_typo_is_no_error(client, registry):
    response = client.get(URL, {"q": "fundajca krakw"})
    assert response.status_code == 200


@pytest.mark.postgres
def test_relevance_puts_a_name_match_above_a_town_above_a_description(client, answered_by):
    in_description = EntityFactory(name="Pracownia Ceramiki", town="Bochnia", description="Blisko Wieliczki.")
    in_town = EntityFactory(name="Spółdzielnia Socjalna Promyk", town="Wieliczka")
    in_name = EntityFactory(name="Wielicka Fundacja Rozwoju", town="Bochnia")
    exact = EntityFactory(name="Zielona Wieliczka", town="Bochnia")
    found = [e.name for e in client.get(URL, {"q": "wieliczka"}).context["page"].object_list]
    assert found[:2] == [exact.name, in_town.name] or found[0] == exact.name
    assert found.index(in_town.name) < found.index(in_description.name)
    assert in_name.name not in found or found.index(in_name.name) < found.index(in_description.name)


@pytest.mark.postgres
def test_relevance_is_the_default_with_a_query_and_alphabetical_is_offered(client, answered_by):
    EntityFactory(name="Ala Pomaga", description="Catering.")
    EntityFactory(name="Zielony Catering", town="Bochnia")
    by_relevance = [e.name for e in client.get(URL, {"q": "catering"}).context["page"].object_list]
    by_name = [
        e.name for e in client.get(URL, {"q": "catering", "sort": "nazwa"}).context["page"].object_list
    ]
    assert by_relevance == ["Zielony Catering", "Ala Pomaga"]
    assert by_name == ["Ala Pomaga", "Zielony Catering"]


def test_without_a_query_the_order_is_polish_alphabetical(client):
    for name in ["Żuraw", "Zorza", "Łąka", "Lipa", "Śnieżka", "Sowa", "Ąb", "Azalia", "Bocian"]:
        EntityFactory(name=name)
    found = [e.name for e in client.get(URL).context["page"].object_list]
    assert found == ["Azalia", "Ąb", "Bocian", "Lipa", "Łąka", "Sowa", "Śnieżka", "Zorza", "Żuraw"]


def test_gminy_in_the_filter_are_grouped_by_powiat_in_polish_order(client):
    form = client.get(URL).context["filter"].form
    groups = form.fields["gmina"].choices
    labels = [label for label, _ in groups if label]
    assert "powiat krakowski" in labels and "miasto Kraków" in labels
    krakowski = dict(groups)["powiat krakowski"]
    names = [label.split(" (")[0] for _, label in krakowski]
    assert names.index("Liszki") < names.index("Michałowice") < names.index("Skała") < names.index("Skawina")
    assert names.index("Świątniki Górne") < names.index("Zabierzów") < names.index("Zielonki")


def test_the_registrys_powiat_keeps_its_narrowing_hook_after_another_forms_powiat(client):
    # The initiatives' powiat select has the same name, label and choices (wortal/fieldcache.py keys on attrs).
    client.get(reverse("initiatives:list"))
    html = client.get(URL).content.decode()
    assert 'data-narrows="gmina"' in html
    assert 'data-narrows="gmina"' not in client.get(reverse("initiatives:list")).content.decode()
