"""manage.py reindex_search: rebuilds the stored search text of every registered source, with progress."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from entities.models import Entity
from search.models import SynonymGroup, Word
from tests.factories import EntityFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_it_rebuilds_stale_search_text_and_reports_progress():
    entity = EntityFactory(name="Fundacja Pomocy Seniorom")
    post = PostFactory(title="Seniorzy w Krakowie")
    Entity.objects.filter(pk=entity.pk).update(search_text=" stare")
    type(post).objects.filter(pk=post.pk).update(search_text=" stare")
    Word.objects.all().delete()
    out = StringIO()
    call_command("reindex_search", stdout=out)
    assert list(Entity.objects.search("fundacji")) == [entity]
    post.refresh_from_db()
    assert " krakow" in post.search_text
    assert "Podmioty ekonomii społecznej: 1, zmieniono 1." in out.getvalue()
    assert "Aktualności: 1, zmieniono 1." in out.getvalue()
    assert Word.objects.filter(word="seniorom").exists()  # the suggestions' vocabulary is refilled


def test_pages_and_kept_rankings_see_the_new_search_texts_at_once(client, settings):
    settings.PAGE_CACHE = True  # rankings are kept (wortal/pagination.py) and pages cached
    entity = EntityFactory(name="Fundacja Pomocy Seniorom")
    Entity.objects.filter(pk=entity.pk).update(search_text=" stare")
    list_url = reverse("entities:list")
    assert "Znaleziono 0" in client.get(list_url, {"q": "seniorom"}).content.decode()
    call_command("reindex_search", verbosity=0)
    assert "Znaleziono 1 podmiot" in client.get(list_url, {"q": "seniorom"}).content.decode()


def test_only_limits_it_to_one_kind():
    EntityFactory()
    out = StringIO()
    call_command("reindex_search", "--only", "aktualnosci", stdout=out)
    assert "Podmioty" not in out.getvalue()


def test_a_synonym_group_needs_two_phrases():
    group = SynonymGroup(phrases="tylko jedno")
    with pytest.raises(Exception, match="co najmniej dwa"):
        group.full_clean()
    group = SynonymGroup(phrases=" ZAZ ,\nzakład aktywności zawodowej ")
    group.full_clean()
    assert group.phrases == "ZAZ, zakład aktywności zawodowej"
