"""Staff reach the editors' panel only after a second factor (TOTP or a recovery code) when STAFF_MFA_REQUIRED."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories import EditorFactory, UserFactory, totp_code, verified_email, with_totp
from tests.wortal.test_settings import run_manage

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
PASSWORD = "haslo-testowe-123"


@pytest.fixture
def required(settings):
    settings.STAFF_MFA_REQUIRED = True


@pytest.fixture
def staff(db):
    return verified_email(EditorFactory())


@pytest.fixture
def member(db):
    return verified_email(UserFactory(username="czlonkini"))


def sign_in(client, user, next_url=ADMIN):
    return client.post(
        f"{reverse('account_login')}?next={next_url}", {"login": user.email, "password": PASSWORD}
    )


def confirm_password(client):
    # allauth asks for the password again before any change to the second factor (MFA_REAUTHENTICATION_REQUIRED).
    return client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def assert_no_inline_code(html):
    assert "style=" not in html
    # Scripts come from files; a JSON block (allauth's, like our JSON-LD) is data, not code.
    assert not re.search(r'<script(?![^>]*(\bsrc=|type="application/(ld\+)?json"))', html)
    assert not re.search(r"\son[a-z]+=", html)


# Enforcement on (production) ---------------------------------------------------------------------------------


def test_staff_without_an_authenticator_are_sent_to_activate_one(client, required, staff):
    sign_in(client, staff)
    for url in (ADMIN, "/admin/news/post/", "/admin/entities/entity/add/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_the_activation_page_shows_a_qr_code_inside_the_site_and_within_the_csp(client, required, staff):
    sign_in(client, staff)
    client.get(ADMIN)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert "Panel redakcji wymaga logowania dwuetapowego" in response.content.decode()
    confirm_password(client)
    response = client.get(reverse("mfa_activate_totp"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in html
    assert 'alt="Kod QR' in html
    assert 'class="site-header' in html or "<main" in html
    assert_no_inline_code(html)


# allauth announces the new authenticator on commit; a real transaction lets that happen inside the request,
# as in production (serialized_rollback keeps the data migrations' rows for the tests that follow).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_activating_totp_opens_the_admin_without_a_second_code(client, required, staff):
    sign_in(client, staff)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(ADMIN).status_code == 200


def test_a_wrong_activation_code_is_refused_in_polish(client, required, staff):
    sign_in(client, staff)
    confirm_password(client)
    client.get(reverse("mfa_activate_totp"))
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000x"})
    assert response.status_code == 200
    assert "Błędny kod" in response.content.decode()
    assert not Authenticator.objects.filter(user=staff).exists()


def test_staff_with_totp_must_enter_a_valid_code_before_the_admin(client, required, staff):
    with_totp(staff)
    response = sign_in(client, staff)
    assert response["Location"] == reverse("mfa_authenticate")
    # The password alone signed nobody in.
    assert client.get(ADMIN)["Location"].startswith(reverse("admin:login"))

    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert_no_inline_code(page.content.decode())
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_once_the_code_is_given_admin_pages_cost_no_extra_query(client, settings, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with_totp(staff)
    sign_in(client, staff)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    counts = {}
    for required in (False, True):
        settings.STAFF_MFA_REQUIRED = required
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/news/post/").status_code == 200
        counts[required] = len(queries)
    assert counts[True] == counts[False]


@pytest.mark.parametrize("code", ["123456", "abcdef", "", "9" * 500])
def test_a_wrong_code_is_refused_with_a_polish_message(client, required, staff, code):
    with_totp(staff)
    sign_in(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Błędny kod" in html or "To pole jest wymagane" in html
    assert client.get(ADMIN).status_code == 302


def test_guessing_at_the_code_is_stopped(client, required, staff):
    with_totp(staff)
    sign_in(client, staff)
    for _ in range(10):
        client.post(reverse("mfa_authenticate"), {"code": "123456"})
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert "Zbyt wiele nieudanych prób logowania" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_recovery_code_works_once(client, required, staff):
    codes = with_totp(staff)
    sign_in(client, staff)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.get(ADMIN).status_code == 200

    client.post(reverse("account_logout"))
    sign_in(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200
    assert "Błędny kod" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_session_that_skipped_the_second_factor_must_confirm_a_code(client, required, staff):
    with_totp(staff)
    client.force_login(staff)  # e.g. a session from before the setting was switched on
    response = client.get("/admin/news/post/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))

    page = client.get(response["Location"])
    assert '<label for="id_code">' in page.content.decode()
    assert_no_inline_code(page.content.decode())
    response = client.post(response["Location"], {"code": totp_code()})
    assert response.status_code == 302 and response["Location"] == "/admin/news/post/"
    assert client.get("/admin/news/post/").status_code == 200


def test_the_second_step_takes_only_get_and_post(client, required, staff):
    with_totp(staff)
    sign_in(client, staff)
    response = client.put(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 405
    assert client.get(ADMIN).status_code == 302


def test_members_are_not_forced_to_use_a_second_factor(client, required, member):
    response = sign_in(client, member, next_url=reverse("member:dashboard"))
    assert response["Location"] == reverse("member:dashboard")
    assert client.get(reverse("member:dashboard")).status_code == 200
    # …and still have no business in the admin.
    response = client.get(ADMIN, follow=True)
    assert response.status_code == 403


def test_the_second_factor_settings_pages_stay_inside_the_site_and_the_csp(client, staff):
    with_totp(staff)
    client.force_login(staff)
    confirm_password(client)
    for name in ("mfa_index", "mfa_view_recovery_codes"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<main" in html
        assert_no_inline_code(html)
    assert "Kody odzyskiwania" in client.get(reverse("mfa_index")).content.decode()


def test_the_admin_and_the_account_page_link_to_the_second_factor_settings(client, staff):
    client.force_login(staff)
    link = f'href="{reverse("mfa_index")}"'
    assert link in client.get(ADMIN).content.decode()
    assert link in client.get(reverse("member:dashboard")).content.decode()


# Enforcement off (the demo, `make run`) ------------------------------------------------------------------------


def test_the_demo_admin_opens_with_the_password_alone(client, settings, staff):
    settings.STAFF_MFA_REQUIRED = False
    response = sign_in(client, staff)
    assert response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_without_enforcement_a_staff_member_who_turned_totp_on_still_gives_a_code(client, settings, staff):
    settings.STAFF_MFA_REQUIRED = False
    with_totp(staff)
    assert sign_in(client, staff)["Location"] == reverse("mfa_authenticate")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DEBUG": "false"}, "True"),
        ({"DEBUG": "true"}, "False"),
        ({"DEBUG": "false", "STAFF_MFA_REQUIRED": "false"}, "False"),
    ],
)
def test_the_second_factor_is_required_in_production_and_not_in_the_demo(env, expected):
    production = {
        "SECRET_KEY": "x7$-production-like-secret-key-0123456789",
        "ALLOWED_HOSTS": "wortal.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    environment = {"STAFF_MFA_REQUIRED": "", **production, **env}
    code = "from django.conf import settings; print(settings.STAFF_MFA_REQUIRED)"
    result = run_manage("shell", "--no-imports", "-c", code, **environment)
    assert result.stdout.strip().splitlines()[-1] == expected, result.stderr
