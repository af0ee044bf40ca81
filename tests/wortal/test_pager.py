"""The pager of every list ({% pagination page %}, templates/jinja2/includes/pagination.html): the current page
and its neighbours are shown wherever it is, and every link keeps the list's other parameters."""

import re

import pytest
from django.urls import reverse

from tests.factories import EntityFactory, PostFactory

pytestmark = pytest.mark.django_db


def pager(html: str) -> list[str]:
    """The pager's items in order: numbers, "…", and the current page as "[n]"."""
    start = html.index('<nav class="pagination"')
    nav = html[start : html.index("</nav>", start)]
    items = re.findall(r'<span aria-current="page" class="pagination__current">(\d+)</span>|>(\d+|…)</', nav)
    return [f"[{current}]" if current else other for current, other in items]


def test_a_deep_page_shows_itself_and_its_neighbours_and_keeps_the_filters(client, settings):
    settings.ENTITIES_PER_PAGE = 1
    for n in range(12):
        EntityFactory(name=f"Fundacja {n:02d}")
    html = client.get(reverse("entities:list"), {"page": 8, "q": "fundacja"}).content.decode()
    assert pager(html) == ["1", "2", "…", "5", "6", "7", "[8]", "9", "10", "11", "12"]
    assert 'href="?page=7&amp;q=fundacja" rel="prev"' in html
    assert 'href="?page=9&amp;q=fundacja" rel="next"' in html
    assert 'href="?page=5&amp;q=fundacja" aria-label="Strona 5"' in html


def test_every_list_uses_the_same_pager(client, settings):
    settings.NEWS_PER_PAGE = 1
    for n in range(12):
        PostFactory(title=f"Wiadomość {n}")
    html = client.get(reverse("news:list"), {"page": 8}).content.decode()
    assert pager(html) == ["1", "2", "…", "5", "6", "7", "[8]", "9", "10", "11", "12"]
    assert 'href="?page=7" rel="prev"' in html
