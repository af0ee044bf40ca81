import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import EntityFactory, InitiativeFactory, PostFactory, UserFactory, image_upload

pytestmark = pytest.mark.django_db


def test_a_published_post_is_public_with_its_meta_tags(client):
    post = PostFactory(title="Nabór wniosków", lead="Krótki lead o naborze.")
    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Nabór wniosków</h1>" in html
    assert '<meta name="description" content="Krótki lead o naborze.">' in html
    assert '<meta property="og:title" content="Nabór wniosków">' in html
    assert '<meta property="og:type" content="article">' in html


@pytest.mark.parametrize(
    "attributes",
    [{"is_published": False}, {"published_at": timezone.now() + datetime.timedelta(days=1)}],
    ids=["draft", "future"],
)
def test_the_public_gets_404_for_a_draft_or_a_scheduled_post(client, attributes):
    post = PostFactory(**attributes)
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(post.get_absolute_url()).status_code == 404


def test_an_editor_previews_an_unpublished_post_uncached(client, editor):
    post = PostFactory(is_published=False)
    client.force_login(editor)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd dla redakcji" in response.content.decode()
    assert "no-cache" in response.headers["Cache-Control"]


def test_a_published_post_shows_no_preview_banner_to_an_editor(client, editor):
    client.force_login(editor)
    assert "Podgląd dla redakcji" not in client.get(PostFactory().get_absolute_url()).content.decode()


def test_it_lists_only_published_related_entities_and_initiatives(client):
    post = PostFactory()
    post.related_entities.set(
        [EntityFactory(name="Spółdzielnia Jawna"), EntityFactory(name="Ukryta", state="draft")]
    )
    post.related_initiatives.set(
        [InitiativeFactory(title="Kawiarnia"), InitiativeFactory(title="Szkic", state="draft")]
    )
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Spółdzielnia Jawna" in html and "Kawiarnia" in html
    assert "Ukryta" not in html and "Szkic" not in html


def test_the_lead_image_is_resized_with_srcset_and_an_og_image(client):
    post = PostFactory(lead_image=image_upload(), lead_image_alt="Warsztaty w CIS")
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'alt="Warsztaty w CIS"' in html and " 800w" in html
    assert '<meta property="og:image" content="http://testserver/media/cache/' in html


def test_a_lead_image_needs_alternative_text():
    post = PostFactory.build(lead_image=image_upload(), lead_image_alt=" ")
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert "lead_image_alt" in error.value.message_dict


def test_an_unknown_post_is_404(client):
    assert client.get("/aktualnosci/nie-ma-takiego/").status_code == 404


def test_it_refuses_post(client):
    assert client.post(PostFactory().get_absolute_url()).status_code == 405


def test_slugs_are_polish_free_and_unique():
    first = PostFactory(title="Żółta łódź")
    second = PostFactory(title="Żółta łódź")
    assert first.slug == "zolta-lodz" and second.slug == "zolta-lodz-2"
