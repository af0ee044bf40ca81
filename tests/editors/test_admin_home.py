import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from entities.models import Entity
from tests.factories import EntityFactory, EventFactory, InitiativeFactory, UserFactory, redaktor
from wortal import admin_dashboard

pytestmark = pytest.mark.django_db


def test_the_admin_home_lists_entities_not_verified_for_a_year_or_never(client):
    today = timezone.localdate()
    EntityFactory(name="Nigdy nie sprawdzony", last_verified_on=None)
    EntityFactory(name="Sprawdzony dawno", last_verified_on=today - datetime.timedelta(days=400))
    EntityFactory(name="Sprawdzony niedawno", last_verified_on=today - datetime.timedelta(days=30))
    EntityFactory(name="Archiwalny", last_verified_on=None, state=Entity.State.ARCHIVED)
    client.force_login(redaktor())
    content = client.get(reverse("admin:index")).content.decode()
    assert "Nigdy nie sprawdzony" in content and "Sprawdzony dawno" in content
    assert "Sprawdzony niedawno" not in content and "Archiwalny" not in content
    assert "weryfikacja=nieaktualna" in content


def test_the_admin_home_lists_this_weeks_events(client):
    now = timezone.now()
    EventFactory(title="Spotkanie w tym tygodniu", start=now, end=now + datetime.timedelta(hours=1))
    EventFactory(title="Spotkanie za miesiąc", start=now + datetime.timedelta(days=30))
    client.force_login(redaktor())
    content = client.get(reverse("admin:index")).content.decode()
    assert "Spotkanie w tym tygodniu" in content and "Spotkanie za miesiąc" not in content


def test_the_admin_home_counts_entities_and_initiatives_per_state(client):
    EntityFactory.create_batch(2, state=Entity.State.DRAFT)
    InitiativeFactory(state="pending")
    client.force_login(redaktor())
    response = client.get(reverse("admin:index"))
    assert "Podmioty według stanu" in response.content.decode()
    panels = {str(panel.title): panel for panel in admin_dashboard.panels_for(response.wsgi_request)}
    entities = panels["Podmioty według stanu"]
    assert entities.count == 2
    assert {str(item.label): item.detail for item in entities.items}["szkic"] == "2"
    assert panels["Inicjatywy według stanu"].count == 1


def test_the_admin_home_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    EntityFactory.create_batch(30, last_verified_on=None)
    client.force_login(redaktor())
    # 15, plus one pending count per kind of submission added since (Pakt declarations, publication
    # proposals) and the site settings for the accessibility coordinator's warning (cold cache).
    with django_assert_max_num_queries(18):
        assert client.get(reverse("admin:index")).status_code == 200


def test_other_apps_can_add_a_panel_through_the_provider_list(client, monkeypatch):
    def pending_proposals(request):
        return admin_dashboard.Panel("Propozycje zmian do akceptacji", 3)

    monkeypatch.setattr(
        admin_dashboard, "ATTENTION_PROVIDERS", [*admin_dashboard.ATTENTION_PROVIDERS, pending_proposals]
    )
    client.force_login(redaktor())
    assert "Propozycje zmian do akceptacji" in client.get(reverse("admin:index")).content.decode()


def test_a_staff_member_without_permissions_sees_no_panels(client):
    client.force_login(UserFactory(username="bez-uprawnien", is_staff=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Do zrobienia" not in response.content.decode()
