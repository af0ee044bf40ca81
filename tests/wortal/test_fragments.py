"""Header and footer rendered once per content generation for anonymous visitors (wortal/fragments.py):
never for someone signed in, and always showing the current address, query and site settings."""

import pytest
from django.urls import reverse

from office.models import SiteSettings
from tests.factories import UserFactory
from wortal import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True
    fragments._rendered.clear()


def test_anonymous_pages_reuse_the_rendered_header_and_footer(client):
    client.get(reverse("entities:list"))
    client.get(reverse("entities:list"), {"forma": "cis"})
    names = {key[0] for key in fragments._rendered}
    assert names == {'"header"', '"footer"'}
    assert len(fragments._rendered) == 2  # the second address reused both


def test_a_change_of_the_site_settings_shows_in_the_footer_and_header_on_the_next_request(client):
    client.get(reverse("entities:list"))
    settings_row = SiteSettings.get_solo()
    settings_row.operator_name = "Urząd Testowy Województwa"
    settings_row.save()
    page = client.get(reverse("entities:list"), {"forma": "kis"}).content.decode()
    assert page.count("Urząd Testowy Województwa") >= 2  # the operator bar and the footer


def test_the_menu_marks_the_section_of_each_address(client):
    client.get(reverse("entities:list"))
    news = client.get(reverse("news:list")).content.decode()
    assert f'<a href="{reverse("news:list")}" aria-current="page">' in news
    assert f'<a href="{reverse("entities:list")}" aria-current="page">' not in news
    about = client.get(reverse("about")).content.decode()
    assert f'<a href="{reverse("about")}" aria-current="page">' in about
    assert f'<a href="{reverse("news:list")}" aria-current="page">' not in about


def test_pages_of_one_section_share_one_header(client):
    client.get(reverse("entities:list"))
    client.get(reverse("entities:list"), {"page": "2"})
    client.get(reverse("entities:map"))
    assert sum(1 for key in fragments._rendered if key[0] == '"header"') == 1


def test_the_header_search_shows_each_query(client):
    search = reverse("search:results")
    client.get(search, {"q": "fundacja"})
    page = client.get(search, {"q": "kooperatywa"}).content.decode()
    assert 'value="kooperatywa"' in page
    assert 'value="fundacja"' not in page


def test_a_signed_in_person_never_gets_the_anonymous_header_nor_leaves_theirs(client):
    anonymous = client.get(reverse("entities:list")).content.decode()
    assert "Zaloguj się" in anonymous
    client.force_login(UserFactory())
    own = client.get(reverse("entities:list"), {"forma": "wtz"}).content.decode()
    assert "Moje konto" in own and "Wyloguj" in own and "Zaloguj się" not in own
    assert all("Moje konto" not in html for html in fragments._rendered.values())
    client.logout()
    again = client.get(reverse("entities:list"), {"forma": "zaz"}).content.decode()
    assert "Moje konto" not in again and "csrfmiddlewaretoken" not in again


def test_without_the_page_cache_nothing_is_remembered(client, settings):
    settings.PAGE_CACHE = False
    client.get(reverse("entities:list"))
    assert fragments._rendered == {}
