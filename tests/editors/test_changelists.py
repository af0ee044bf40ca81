"""Every admin list renders 50 rows in a bounded number of queries: no query per row."""

import pytest
from django.urls import reverse

from tests.factories import (
    CategoryFactory,
    EntityFactory,
    EventFactory,
    FilmFactory,
    InitiativeFactory,
    PostFactory,
    PSStatusFactory,
    redaktor,
    sector,
)

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20


def fifty_entities():
    entities = EntityFactory.create_batch(50, sectors=[sector("gastronomia-i-catering")])
    for entity in entities[:10]:
        PSStatusFactory(entity=entity)
    return entities


MAKERS = {
    "entities_entity": fifty_entities,
    "entities_psstatus": lambda: [PSStatusFactory(entity=e) for e in EntityFactory.create_batch(50)],
    "entities_sector": lambda: None,  # 12 from the data migration
    "entities_powiat": lambda: None,  # 22
    "entities_gmina": lambda: None,  # 182, 100 per page
    "news_post": lambda: PostFactory.create_batch(50, categories=[CategoryFactory()]),
    "news_category": lambda: CategoryFactory.create_batch(50),
    "news_film": lambda: FilmFactory.create_batch(50),
    "news_event": lambda: EventFactory.create_batch(50),
    "news_page": lambda: None,
    "initiatives_initiative": lambda: InitiativeFactory.create_batch(50),
}


@pytest.mark.parametrize("name", MAKERS)
def test_each_changelist_renders_fifty_rows_in_bounded_queries(client, django_assert_max_num_queries, name):
    MAKERS[name]()
    client.force_login(redaktor())
    url = reverse(f"admin:{name}_changelist")
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


def test_the_entity_list_filters_by_powiat_sector_ps_status_and_verification(client):
    entities = fifty_entities()
    client.force_login(redaktor())
    url = reverse("admin:entities_entity_changelist")
    powiat = entities[0].gmina.powiat_id
    for query in [
        f"gmina__powiat__id__exact={powiat}",
        "status_ps=tak",
        "status_ps=nie",
        "weryfikacja=nieaktualna",
    ]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
    assert client.get(f"{url}?status_ps=tak").context["cl"].result_count == 10


def test_a_bad_filter_value_does_not_break_the_list(client):
    client.force_login(redaktor())
    response = client.get(reverse("admin:entities_entity_changelist") + "?state=nonsens&updated_at__gte=zle")
    assert response.status_code in (200, 302)


def test_rows_link_to_the_page_on_the_site(client):
    entity = EntityFactory()
    client.force_login(redaktor())
    response = client.get(reverse("admin:entities_entity_changelist"))
    assert f'href="{entity.get_absolute_url()}"' in response.content.decode()
    assert "Zobacz na stronie" in response.content.decode()


def test_a_draft_entity_has_no_dead_link_to_the_site(client):
    draft = EntityFactory(state="draft")
    client.force_login(redaktor())
    assert (
        draft.get_absolute_url()
        not in client.get(reverse("admin:entities_entity_changelist")).content.decode()
    )
    change = client.get(reverse("admin:entities_entity_change", args=[draft.pk])).content.decode()
    assert "Pokaż na stronie" not in change


def test_the_entity_form_carries_the_editors_help_texts(client):
    client.force_login(redaktor())
    content = client.get(reverse("admin:entities_entity_add")).content.decode()
    assert "kreski, spacje i przedrostek PL są usuwane" in content


def test_the_post_list_shows_a_thumbnail_of_the_lead_image(client):
    from tests.factories import image_upload

    PostFactory(lead_image=image_upload(), lead_image_alt="Warsztaty")
    client.force_login(redaktor())
    content = client.get(reverse("admin:news_post_changelist")).content.decode()
    assert 'alt="Warsztaty"' in content and 'width="80"' in content
