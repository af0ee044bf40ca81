"""The registry's in-memory indexes as a worker that has just started sees them (entities/word_index.py)."""

from entities import word_index


def forget_word_index(monkeypatch):
    """No word index in this worker and no kept rankings, until the test ends."""
    monkeypatch.setattr(word_index, "_current", (None, None))
    monkeypatch.setattr(word_index, "_rankings", type(word_index._rankings)())
