"""The anonymous page cache (wortal/cache.py): served only to cookie-free visitors, never leaking anything
personal, answering conditional GETs, and showing every kind of change on the next request."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse

from entities.models import Entity
from initiatives.models import Initiative
from moderation.services import approve
from tests.factories import (
    EditorFactory,
    EntityFactory,
    EntitySubmissionFactory,
    EventFactory,
    FilmFactory,
    InitiativeFactory,
    PostFactory,
    PSStatusFactory,
    UserFactory,
    sector,
)
from wortal.cache import PublicPageCacheMiddleware, content_generation, public_page

pytestmark = pytest.mark.django_db

LIST = reverse("entities:list")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


def test_a_second_anonymous_visit_costs_no_query(client, django_assert_num_queries):
    EntityFactory(name="Fundacja Pierwsza")
    first = client.get(LIST)
    with django_assert_num_queries(0):
        second = client.get(LIST)
    assert second.status_code == 200
    assert second.content == first.content
    assert "Fundacja Pierwsza" in second.content.decode()


def test_public_pages_carry_etag_and_revalidation_but_no_cookie(client):
    EntityFactory()
    for attempt in ("miss", "hit"):
        response = client.get(LIST)
        assert response.cookies == {}, attempt
        assert "Set-Cookie" not in response, attempt
        assert response["ETag"].startswith('"')
        control = response["Cache-Control"]
        assert "public" in control and "max-age=0" in control and "must-revalidate" in control
        assert "Cookie" in response["Vary"]
        assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("cached", [False, True])
def test_an_unchanged_page_is_answered_with_304(client, settings, cached):
    settings.PAGE_CACHE = cached
    EntityFactory()
    etag = client.get(LIST)["ETag"]
    response = client.get(LIST, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    EntityFactory(name="Zmiana")
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 200


def test_a_signed_in_person_never_gets_the_anonymous_page_and_never_leaves_theirs(
    client, django_assert_num_queries
):
    EntityFactory()
    client.get(LIST)  # anonymous page cached
    member = UserFactory(username="anna")
    signed_in = client.__class__()
    signed_in.force_login(member)
    theirs = signed_in.get(LIST)
    html = theirs.content.decode()
    assert "Wyloguj" in html and "csrfmiddlewaretoken" in html
    assert "private" in theirs["Cache-Control"]
    anonymous = client.get(LIST).content.decode()
    assert "Wyloguj" not in anonymous and "csrfmiddlewaretoken" not in anonymous
    assert "Zaloguj się" in anonymous


def test_a_page_rendered_for_a_signed_in_person_first_is_not_stored(client):
    EntityFactory()
    signed_in = client.__class__()
    signed_in.force_login(UserFactory(username="jan"))
    assert "Wyloguj" in signed_in.get(LIST).content.decode()
    assert "Wyloguj" not in client.get(LIST).content.decode()


def test_a_visitor_with_a_messages_or_session_cookie_bypasses_the_cache(client, django_assert_num_queries):
    EntityFactory()
    client.get(LIST)
    client.cookies["messages"] = "anything"
    with django_assert_num_queries(5, exact=False):
        client.get(LIST)


def _middleware_response(view, **cookies):
    request = RequestFactory().get("/test-page/")
    request.COOKIES.update(cookies)
    return PublicPageCacheMiddleware(public_page(view))(request)


def test_a_page_that_used_a_csrf_token_or_set_a_cookie_is_never_stored(settings):
    calls = []

    def with_token(request):
        calls.append(1)
        return HttpResponse(get_token(request))

    def with_cookie(request):
        calls.append(1)
        response = HttpResponse("x")
        response.set_cookie("tracking", "1")
        return response

    for view in (with_token, with_cookie):
        calls.clear()
        _middleware_response(view)
        response = _middleware_response(view)
        assert len(calls) == 2, view.__name__
        assert "private" in response["Cache-Control"]


def test_previews_and_errors_are_not_stored(client, editor):
    draft = PostFactory(title="Szkic wiadomości", is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    preview = client.get(draft.get_absolute_url())
    assert "no-cache" in preview["Cache-Control"]
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def _fill(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200


def _shows(client, url, text):
    return text in client.get(url).content.decode()


def test_saving_an_entity_shows_everywhere(client):
    entity = EntityFactory(name="Fundacja Stara Nazwa")
    urls = [LIST, entity.get_absolute_url(), "/sitemap-podmioty.xml"]
    _fill(client, *urls)
    entity.name = "Fundacja Nowa Nazwa"
    entity.save()
    for url in urls[:2]:
        assert _shows(client, url, "Fundacja Nowa Nazwa"), url
    assert not _shows(client, LIST, "Fundacja Stara Nazwa")


def test_publishing_an_entity_shows_in_the_list_counts_home_sitemap_statistics_and_export(client):
    EntityFactory()
    draft = EntityFactory(name="Fundacja Dotąd Szkic", state=Entity.State.DRAFT)
    statistics = reverse("statistics:index")
    _fill(client, LIST, reverse("home"), "/sitemap-podmioty.xml", statistics)
    assert "Znaleziono 1 podmiot" in client.get(LIST).content.decode()
    assert _shows(client, statistics, "Liczby dotyczą 1 opublikowanego")
    draft.publish()
    assert _shows(client, LIST, "Fundacja Dotąd Szkic")
    assert _shows(client, LIST, "Znaleziono 2 podmioty")
    assert client.get(reverse("home")).context["entity_count"] == 2
    assert _shows(client, statistics, "Liczby dotyczą 2 opublikowanych")
    export = client.get(reverse("entities:export", args=["csv"]))
    assert "Fundacja Dotąd Szkic" in b"".join(export.streaming_content).decode()
    assert _shows(client, "/sitemap-podmioty.xml", draft.slug)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_new_ps_status_and_sector_show_on_the_list(client):
    entity = EntityFactory(name="Spółdzielnia Z Plakietką")
    _fill(client, LIST, LIST + "?ps=1")
    assert not _shows(client, LIST + "?ps=1", "Spółdzielnia Z Plakietką")
    PSStatusFactory(entity=entity)
    assert _shows(client, LIST + "?ps=1", "Spółdzielnia Z Plakietką")
    entity.sectors.add(sector("kultura"))
    assert _shows(client, LIST, '<span class="tag">' + sector("kultura").name)


def test_an_approved_submission_shows_on_the_profile(client):
    entity = EntityFactory()
    _fill(client, entity.get_absolute_url())
    submission = EntitySubmissionFactory(entity=entity, data={"description": "Opis po zatwierdzeniu zmiany."})
    approve(submission, EditorFactory())
    assert _shows(client, entity.get_absolute_url(), "Opis po zatwierdzeniu zmiany.")


@pytest.mark.parametrize(
    ("factory", "urls"),
    [
        (PostFactory, ["news:list", "home", "news:rss"]),
        (FilmFactory, ["news:film_list", "home"]),
        (EventFactory, ["news:event_list", "home", "news:events_ics"]),
    ],
)
def test_publishing_a_post_film_or_event_shows_everywhere(client, factory, urls):
    item = factory(title="Tytuł Do Publikacji", is_published=False)
    urls = [reverse(name) for name in urls]
    _fill(client, *urls)
    assert not _shows(client, urls[0], "Tytuł Do Publikacji")
    item.publish()
    for url in urls:
        assert _shows(client, url, "Tytuł Do Publikacji"), url


def test_publishing_an_initiative_shows_on_its_list_the_home_page_and_the_organisers_profile(client):
    organiser = EntityFactory()
    initiative = InitiativeFactory(
        title="Inicjatywa Do Publikacji", state=Initiative.State.DRAFT, is_featured=True
    )
    initiative.organisers.add(organiser)
    urls = [reverse("initiatives:list"), reverse("home"), organiser.get_absolute_url()]
    _fill(client, *urls)
    initiative.state = Initiative.State.PUBLISHED
    initiative.save()
    for url in urls:
        assert _shows(client, url, "Inicjatywa Do Publikacji"), url


def test_bulk_seeding_moves_the_generation():
    from entities.demo import seed_entities

    before = content_generation()
    seed_entities(2)
    assert content_generation() > before


def test_the_benchmark_view_does_not_exist_in_a_normal_deployment(client):
    assert client.get("/bench/ok").status_code == 404


def test_pages_that_are_not_public_cost_no_cache_lookup(client, settings, django_assert_num_queries):
    from unittest import mock

    with mock.patch("wortal.cache.cache.get_many") as get_many:
        client.get(reverse("account_login"))
        client.get("/nie-ma-takiej-strony/")
    get_many.assert_not_called()


def test_a_single_flight_value_is_computed_once_while_other_workers_wait():
    import threading
    import time

    from wortal.cache import get_or_set_current

    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.3)
        return "wynik"

    results = []
    threads = [
        threading.Thread(
            target=lambda: results.append(get_or_set_current("test:slow", slow, 60, single_flight=True))
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["wynik"] * 4
    assert len(calls) == 1
