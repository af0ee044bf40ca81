"""Acronyms keep their capitals in every label a member or an editor reads: KRS, NIP, REGON, TERYT, PS …"""

import pytest
from django.urls import reverse

from entities.models.moderation import ENTITY_MEMBER_FIELDS
from moderation.diffs import field_changes
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_comparison_of_live_and_proposed_values_keeps_acronyms():
    entity = factories.EntityFactory()
    data = {"krs": "0000123456", "nip": "8567346215", "regon": "192598184"}
    labels = [change.label for change in field_changes(entity, data, ENTITY_MEMBER_FIELDS)]
    assert labels == ["Numer KRS", "NIP", "REGON"]


def test_member_and_admin_forms_label_identifiers_in_capitals(client_a, client):
    html = client_a.get(reverse("member:propose")).content.decode()
    for label in ("Numer KRS", "NIP", "REGON"):
        assert f">{label}</label>" in html or f">{label} <" in html, label
    assert "Numer krs" not in html and ">Nip<" not in html and ">Regon<" not in html
    client.force_login(factories.redaktor())
    admin = client.get(reverse("admin:entities_entity_add")).content.decode()
    assert "Numer KRS" in admin and "Numer krs" not in admin and ">Nip" not in admin
