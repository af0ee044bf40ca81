"""The word index's log read while another transaction is still writing (entities/word_index.py): real
transactions on PostgreSQL, one of them in a second thread."""

import pickle
import threading
import zlib
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.http import QueryDict
from django.urls import reverse

from entities import word_index
from entities.facets import selected_keys
from entities.filters import EntityFilter
from entities.models import Entity
from tests.factories import EntityFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def found(query: str) -> list[str]:
    filterset = EntityFilter(QueryDict(urlencode({"q": query})), queryset=Entity.objects.published())
    keys = selected_keys(filterset)
    assert keys is not None, "the word index answers"
    return sorted(Entity.objects.filter(pk__in=list(keys)).values_list("name", flat=True))


def test_a_transaction_that_commits_after_a_later_one_was_read_is_not_missed(fresh_indexes):
    """The log's watermark is the oldest transaction still running when it was read: a change logged by a
    transaction that started first but commits last is read on the next look, not skipped."""
    # Committed first, so that the words of both writers below are known to the vocabulary of typo
    # suggestions (search/vocabulary.py): a new word would make the second writer wait for the first.
    EntityFactory(name="Pasieka Stara")
    slow_entity = EntityFactory(name="Wolna Fundacja")
    assert found("pasieka") == ["Pasieka Stara"]
    written, release = threading.Event(), threading.Event()

    def slow_writer():
        try:
            with transaction.atomic():
                slow_entity.name = "Wolna Pasieka Późna"  # "pozna": a new word, but only this writer's
                slow_entity.save()  # logged now, by a transaction older than the one below
                written.set()
                release.wait(10)
        finally:
            connection.close()

    writer = threading.Thread(target=slow_writer)
    writer.start()
    try:
        assert written.wait(10)
        EntityFactory(name="Szybka Pasieka")  # committed at once, by a younger transaction
        assert found("pasieka") == ["Pasieka Stara", "Szybka Pasieka"]
    finally:
        release.set()
        writer.join()
    # The registry's version was replaced when the slow writer committed: the log is read again from the
    # oldest transaction that was running at the last look.
    assert found("pasieka") == ["Pasieka Stara", "Szybka Pasieka", "Wolna Pasieka Późna"]


def test_the_first_search_builds_the_index_in_the_background_and_postgresql_answers_meanwhile(
    client, fresh_indexes, monkeypatch
):
    monkeypatch.setattr(word_index, "BUILD_IN_BACKGROUND", True)
    EntityFactory(name="Pasieka w Tle")
    response = client.get(reverse("entities:list"), {"q": "pasieka"})
    assert [card.name for card in response.context["page"]] == ["Pasieka w Tle"]  # from PostgreSQL
    for thread in threading.enumerate():
        if thread.name == "word-index-build":
            thread.join(30)
    assert cache.get(word_index.SHARED_KEY) is not None
    assert found("pasieka") == ["Pasieka w Tle"]  # from the index


def test_the_deploy_command_builds_and_shares_the_index(fresh_indexes):
    EntityFactory(name="Pasieka Wdrożona")
    out = StringIO()
    call_command("build_word_index", stdout=out)
    assert "Indeks słów zbudowany" in out.getvalue()
    assert cache.get(f"{word_index.SHARED_KEY}:building") is None
    assert "pasieka" in pickle.loads(zlib.decompress(cache.get(word_index.SHARED_KEY))).bitmaps
