import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CategoryFactory, PostFactory, image_upload

pytestmark = pytest.mark.django_db
URL = reverse("news:list")


def titles(response):
    return [post.title for post in response.context["page"].object_list]


def test_it_lists_published_posts_newest_first(client):
    older = PostFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    newer = PostFactory(published_at=timezone.now() - datetime.timedelta(days=1))
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == [newer.title, older.title]


def test_it_hides_drafts_and_posts_dated_in_the_future(client):
    PostFactory(title="Szkic", is_published=False)
    PostFactory(title="Jutro", published_at=timezone.now() + datetime.timedelta(days=1))
    PostFactory(title="Dziś")
    assert titles(client.get(URL)) == ["Dziś"]


def test_a_scheduled_post_appears_once_its_date_has_passed():
    from news.models import Post

    post = PostFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert post not in Post.objects.published()
    assert post in Post.objects.published(now=timezone.now() + datetime.timedelta(hours=2))


def test_it_filters_by_category(client):
    training = CategoryFactory(name="Szkolenia", slug="szkolenia")
    PostFactory(title="O szkoleniu", categories=[training])
    PostFactory(title="O czymś innym")
    assert titles(client.get(URL, {"kategoria": "szkolenia"})) == ["O szkoleniu"]


def test_it_filters_by_year(client):
    PostFactory(title="Stary", published_at=datetime.datetime(2023, 5, 1, 12, tzinfo=datetime.UTC))
    PostFactory(title="Nowy")
    assert titles(client.get(URL, {"rok": "2023"})) == ["Stary"]
    html = client.get(URL).content.decode()
    assert '<option value="2023">2023</option>' in html


@pytest.mark.parametrize(
    "params", [{"rok": "abc"}, {"kategoria": "nie-ma"}, {"page": "xyz"}, {"rok": "9" * 40}]
)
def test_bad_filter_input_never_breaks_the_list(client, params):
    PostFactory(title="Jedyny")
    response = client.get(URL, params)
    assert response.status_code == 200
    assert titles(response) == ["Jedyny"]


def test_it_shows_an_empty_state(client):
    assert "Nie ma aktualności spełniających te warunki." in client.get(URL).content.decode()


def test_it_is_paginated(client, settings):
    settings.NEWS_PER_PAGE = 2
    PostFactory.create_batch(5)
    response = client.get(URL, {"page": 3})
    assert len(titles(response)) == 1
    assert 'rel="prev"' in response.content.decode()


def test_cards_use_resized_images_with_srcset(client):
    PostFactory(lead_image=image_upload(), lead_image_alt="Ludzie przy stole")
    html = client.get(URL).content.decode()
    assert 'srcset="/media/cache/' in html and " 480w" in html and " 960w" in html
    assert 'alt="Ludzie przy stole"' in html


def test_the_query_count_does_not_grow_with_the_page_size(client, django_assert_num_queries):
    category = CategoryFactory()
    PostFactory(categories=[category], lead_image=image_upload(), lead_image_alt="Zdjęcie")
    client.get(URL)  # the first view of an image makes its renditions; later views find them in the cache
    # categories and years (filter choices), count, page, categories of the page
    with django_assert_num_queries(5):
        client.get(URL, {"kategoria": category.slug})
    for _ in range(11):
        PostFactory(categories=[category], lead_image=image_upload(), lead_image_alt="Zdjęcie")
    client.get(URL)
    with django_assert_num_queries(5):
        response = client.get(URL, {"kategoria": category.slug})
    assert len(titles(response)) == 12


def test_it_refuses_post(client):
    assert client.post(URL).status_code == 405
