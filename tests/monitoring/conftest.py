"""Personas for monitoring: members of organisations A and B, an editor in the "Redaktor" group, a visitor."""

import pytest
from django.test import Client

from tests.factories import EntityFactory, ReportFactory, RoundFactory, member_of, redaktor


@pytest.fixture
def org_a(db):
    return EntityFactory(name="Spółdzielnia Socjalna Alfa", slug="alfa", legal_form="spoldzielnia-socjalna")


@pytest.fixture
def org_b(db):
    return EntityFactory(name="Fundacja Beta", slug="beta")


@pytest.fixture
def member_a(org_a):
    return member_of(org_a, "anna@alfa.example.org")


@pytest.fixture
def member_b(org_b):
    return member_of(org_b, "bartek@beta.example.org")


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_a(member_a):
    return _client_for(member_a)


@pytest.fixture
def client_b(member_b):
    return _client_for(member_b)


@pytest.fixture
def editor_user(db):
    return redaktor()


@pytest.fixture
def editor_client(editor_user):
    return _client_for(editor_user)


@pytest.fixture
def open_round(db):
    return RoundFactory(year=2025, questionnaire_version=1)


@pytest.fixture
def report_a(open_round, org_a):
    return ReportFactory(round=open_round, entity=org_a)


@pytest.fixture
def report_b(open_round, org_b):
    return ReportFactory(round=open_round, entity=org_b)
