import pytest
from django.core.management import call_command
from django.urls import reverse

from office.models import SiteSettings
from tests.factories import image_upload, redaktor

pytestmark = pytest.mark.django_db
ADMIN_URL = reverse("admin:office_sitesettings_change")


def form_data(**overrides):
    site = SiteSettings.get_solo()
    data = {
        field.name: getattr(site, field.name) or ""
        for field in SiteSettings._meta.fields
        if field.name not in ("id", "operator_logo", "funding_bar", "example_values")
    }
    return {**data, **overrides}


def test_an_editor_changes_the_operator_and_every_page_shows_it_at_once(client):
    client.get("/")  # the settings are cached from here on
    client.force_login(redaktor())
    response = client.post(
        ADMIN_URL, form_data(operator_name="Ośrodek Zmieniony", funding_note="Finansowane z UE")
    )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Ośrodek Zmieniony" in html and "Finansowane z UE" in html


def test_a_funding_bar_needs_its_alternative_text(client):
    client.force_login(redaktor())
    data = form_data(funding_bar=image_upload("pasek.png", size=(900, 90)), funding_bar_alt="")
    response = client.post(ADMIN_URL, data)
    assert response.status_code == 200
    assert "tekst alternatywny" in response.content.decode()
    data = form_data(funding_bar=image_upload("pasek.png", size=(900, 90)), funding_bar_alt="Logo UE i RP")
    assert client.post(ADMIN_URL, data).status_code == 302
    html = client.get("/").content.decode()
    assert 'alt="Logo UE i RP"' in html


def test_a_page_reads_the_settings_from_the_cache(client, django_assert_num_queries):
    client.get("/kontakt/")
    with django_assert_num_queries(0):
        client.get("/polityka-prywatnosci/")


def test_the_admin_home_warns_while_the_coordinator_contact_is_empty(client):
    client.force_login(redaktor())
    assert "nie ma danych koordynatora" in client.get(reverse("admin:index")).content.decode()
    site = SiteSettings.get_solo()
    site.accessibility_coordinator_name = "Anna Nowak"
    site.accessibility_coordinator_email = "dostepnosc@example.org"
    site.save()
    assert "nie ma danych koordynatora" not in client.get(reverse("admin:index")).content.decode()


def test_the_accessibility_statement_has_the_required_fields(client):
    call_command("seed_office", force=True)
    html = client.get(reverse("accessibility")).content.decode()
    for text in [
        "Data publikacji strony internetowej",
        "1 listopada 2026",
        "Data ostatniej istotnej aktualizacji",
        "Anna Przykładowa (przykład)",
        "dostepnosc@example.org",
        "+48 12 000 00 01",
        "Skargi i odwołania",
        "Rzecznika Praw Obywatelskich",
        "Dane na tej stronie są przykładowe",
    ]:
        assert text in html
    assert "bez mapy" not in html
    assert html.count("Informacje zwrotne i dane kontaktowe") == 1


def test_the_privacy_policy_names_data_purposes_retention_and_cookies(client):
    call_command("seed_office", force=True)
    html = client.get(reverse("office:privacy")).content.decode()
    for text in [
        "Inspektor Ochrony Danych (przykład)",
        "iod@example.org",
        "Newsletter",
        "Formularz kontaktowy",
        "Dzienniki serwera",
        "sessionid",
        "csrftoken",
        "wyłącznie plików cookie niezbędnych",
    ]:
        assert text in html


def test_the_demo_command_leaves_real_values_alone():
    site = SiteSettings.get_solo()
    site.email = "prawdziwy@rops.example"
    site.save()
    call_command("seed_office", force=True)
    site = SiteSettings.get_solo()
    assert site.email == "prawdziwy@rops.example" and not site.example_values
