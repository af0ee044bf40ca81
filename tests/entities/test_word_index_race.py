"""The word index's log read while another transaction is still writing (entities/word_index.py): real
transactions on PostgreSQL, one of them in a second thread."""

import threading
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.http import QueryDict

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


def test_a_transaction_that_commits_after_a_later_one_was_read_is_not_missed(settings, monkeypatch):
    """The log's watermark is the oldest transaction still running when it was read: a change logged by a
    transaction that started first but commits last is read on the next look, not skipped."""
    settings.PAGE_CACHE = True
    monkeypatch.setattr(word_index, "_current", (None, None))
    cache.clear()
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
