import pytest
from django.db import connection
from django.urls import reverse

from entities.models import Entity
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db
URL = reverse("entities:list")


@pytest.fixture
def cooperative(db):
    return EntityFactory(
        name="Spółdzielnia Socjalna „Łączy Nas”", town="Kraków", description="Catering i obiady."
    )


@pytest.fixture
def others(db):
    EntityFactory(name="Spółdzielnia Socjalna Tarnowska", town="Tarnów")
    EntityFactory(name="Fundacja Krakowska", town="Kraków", description="Edukacja.")


@pytest.mark.parametrize(
    "query",
    ["spoldzielnia krakow", "Spółdzielnia Kraków", "SPÓŁDZIEL krak", "lacz", "ŁĄCZY", "  spółdz   KRAK  "],
)
def test_search_ignores_case_and_diacritics_and_matches_word_prefixes(client, cooperative, others, query):
    response = client.get(URL, {"q": query})
    assert [e.name for e in response.context["page"].object_list] == [cooperative.name]


def test_every_word_must_match(client, cooperative, others):
    found = {e.name for e in Entity.objects.search("krak")}
    assert found == {cooperative.name, "Fundacja Krakowska"}
    assert list(Entity.objects.search("krak tarn")) == []


def test_search_looks_in_short_name_description_offer_and_town():
    EntityFactory(name="A", short_name="Pracownia Ceramiki")
    EntityFactory(name="B", description="Prowadzimy pralnię przemysłową.")
    EntityFactory(name="C", offer="Usługi introligatorskie")
    EntityFactory(name="D", town="Wieliczka")
    assert [e.name for e in Entity.objects.search("ceramik")] == ["A"]
    assert [e.name for e in Entity.objects.search("pralnie")] == ["B"]
    assert [e.name for e in Entity.objects.search("introligat")] == ["C"]
    assert [e.name for e in Entity.objects.search("wielicz")] == ["D"]


def test_it_matches_prefixes_not_the_middle_of_words():
    EntityFactory(name="Fundacja Ogrodnicza")
    assert list(Entity.objects.search("grodn")) == []


def test_search_sees_edits_after_save():
    entity = EntityFactory(name="Stara Nazwa")
    entity.name = "Nowa Nazwa Żółta"
    entity.save()
    assert list(Entity.objects.search("zolta")) == [entity]


def test_punctuation_only_query_returns_everything():
    EntityFactory.create_batch(2)
    assert Entity.objects.search("!!! --- ").count() == 2


@pytest.mark.postgres
def test_search_on_postgresql_uses_the_full_text_index():
    EntityFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = Entity.objects.search("spoldz krak").only("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "entity_search_vector_idx" in plan


@pytest.mark.parametrize("query", ["1234567890", "123 456 789", "600100200", "12345678901234", "00000"])
@pytest.mark.parametrize("path", [reverse("entities:list"), reverse("search:results"), "/api/v1/podmioty/"])
def test_a_number_with_a_wrong_check_digit_is_searched_as_words_not_an_error(client, path, query):
    # Shaped like a NIP, REGON or KRS but no valid one (a phone number, a typo): the identifier fields
    # refuse it in a lookup, which once answered 500.
    EntityFactory(name="Spółdzielnia Socjalna Sto", description="Telefon 600100200.")
    response = client.get(path, {"q": query})
    assert response.status_code == 200
