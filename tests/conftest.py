import os

import pytest
from django.core.cache import cache
from django.db import connection

from entities import word_index
from tests import factories
from tests.indexes import forget_word_index


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests on SQLite, except where PostgreSQL is required (CI): there they must run."""
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError(
            "REQUIRE_POSTGRES=1 but the test database is not PostgreSQL (set DATABASE_URL)."
        )
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def fresh_indexes(settings, monkeypatch):
    """As in production: the page cache on, so the facet and word indexes answer; none built yet in this
    worker or kept in the cache."""
    settings.PAGE_CACHE = True
    forget_word_index(monkeypatch)
    cache.clear()


@pytest.fixture(autouse=True)
def _word_index_built_in_the_test(monkeypatch):
    # A background thread's connection would not see the test's data (entities/word_index.py).
    monkeypatch.setattr(word_index, "BUILD_IN_BACKGROUND", False)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing is deliberately slow; the tests check flows, not the hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    # An editor as the office has them: staff in the "Redaktor" group, not a superuser.
    return factories.redaktor("redaktorka")


@pytest.fixture
def gmina_krakow(db):
    return factories.gmina("126101")
