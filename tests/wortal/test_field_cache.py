"""Select fields of the filter forms rendered once per selection (wortal/fieldcache.py)."""

import pytest
from django.urls import reverse

from entities.models import Sector
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db
LIST = reverse("entities:list")


def select_html(html, name):
    start = html.index(f'<select name="{name}"')
    return html[start : html.index("</select>", start)]


def test_the_selected_option_follows_the_address(client):
    EntityFactory()
    plain = select_html(client.get(LIST).content.decode(), "powiat")
    chosen = select_html(client.get(LIST, {"powiat": "1261"}).content.decode(), "powiat")
    assert "selected" not in plain.replace('value="" selected', "")
    assert '<option value="1261" selected>' in chosen
    again = select_html(client.get(LIST).content.decode(), "powiat")
    assert again == plain


def test_a_new_sector_shows_in_the_select_at_once(client):
    client.get(LIST)
    Sector.objects.create(name="Branża dodana przed chwilą", slug="branza-dodana", position=99)
    assert "Branża dodana przed chwilą" in select_html(client.get(LIST).content.decode(), "branza")


def test_an_invalid_choice_still_shows_its_error(client):
    html = client.get(LIST, {"forma": "nie-ma-takiej"}).content.decode()
    assert "field--error" in html
    assert 'aria-invalid="true"' in select_html(html, "forma")
