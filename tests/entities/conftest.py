"""Personas for the organisations' pages: a visitor, members of organisations A and B, an editor."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import EntityFactory, member_of


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org_a(db):
    return EntityFactory(name="Spółdzielnia Socjalna Alfa", slug="alfa")


@pytest.fixture
def org_b(db):
    return EntityFactory(name="Fundacja Beta", slug="beta")


@pytest.fixture
def member_a(org_a):
    return member_of(org_a, "anna@alfa.example.org")


@pytest.fixture
def member_b(org_b):
    return member_of(org_b, "bartek@beta.example.org")


@pytest.fixture
def client_a(member_a):
    # Each persona has a browser of its own: one shared client would let the last log-in win.
    client = Client()
    client.force_login(member_a)
    return client


@pytest.fixture
def client_b(member_b):
    # Each persona has a browser of its own: one shared client would let the last log-in win.
    client = Client()
    client.force_login(member_b)
    return client


@pytest.fixture
def editor_client(editor):
    # Each persona has a browser of its own: one shared client would let the last log-in win.
    client = Client()
    client.force_login(editor)
    return client
