"""Every page type is valid HTML: the Nu HTML Checker (vnu) finds no error (WCAG 2.1's parsing criterion, and
what Polish accessibility audits count).

Pages are fetched with the test client as a visitor, and as a member for the member's forms, blank and after
an empty submit with their errors; all are checked in one vnu run (see tests/html_validator.py).
"""

import pytest
from django.urls import reverse

from tests import factories
from tests.e2e import content
from tests.html_validator import java_and_vnu, validation_errors

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": lambda c: "/",
    "entity-list": lambda c: "/podmioty/",
    "entity-list-filtered": lambda c: "/podmioty/?q=smaki&powiat=1211&forma=spoldzielnia-socjalna&ps=1",
    "entity-list-empty": lambda c: "/podmioty/?q=nieistniejacy",
    "entity-list-bad-filter": lambda c: "/podmioty/?powiat=9999",
    "entity-profile": lambda c: c.entity.get_absolute_url(),
    "news-list": lambda c: "/aktualnosci/",
    "news-detail": lambda c: c.post.get_absolute_url(),
    "film-list": lambda c: "/filmy/",
    "film-uploaded": lambda c: c.uploaded_film.get_absolute_url(),
    "film-external": lambda c: c.external_film.get_absolute_url(),
    "film-external-consented": lambda c: c.external_film.get_absolute_url() + "?zgoda=1",
    "event-list": lambda c: "/wydarzenia/",
    "event-archive": lambda c: "/wydarzenia/archiwum/",
    "event-detail": lambda c: c.event.get_absolute_url(),
    "initiative-list": lambda c: "/inicjatywy/",
    "initiative-detail": lambda c: c.initiative.get_absolute_url(),
    "about": lambda c: "/o-portalu/",
    "accessibility-statement": lambda c: "/deklaracja-dostepnosci/",
    "not-found": lambda c: "/nie-ma-takiej-strony/",
}
# Forms a visitor fills in: the page as it opens, and after an empty submit (with its error messages).
ACCOUNT_FORMS = ["account_login", "account_signup", "account_reset_password"]
# A member's forms, the same way; None where an empty submit is valid or there is no form.
MEMBER_FORMS = {
    "member-dashboard": (lambda f: reverse("member:dashboard"), False),
    "member-propose": (lambda f: reverse("member:propose"), True),
    "member-edit": (lambda f: reverse("member:entity_edit", args=[f["own"].slug]), True),
    "member-claim": (lambda f: reverse("member:claim", args=[f["other"].slug]), True),
    "member-archive": (lambda f: reverse("member:entity_archive", args=[f["own"].slug]), False),
    "member-submission": (lambda f: reverse("member:submission_detail", args=[f["submission"].pk]), False),
    "member-propose-initiative": (lambda f: reverse("initiative_member:propose", args=[f["own"].slug]), True),
    "member-account-delete": (lambda f: reverse("member:account_delete"), True),
}


def fetch(client, address, expected=200, method="get"):
    response = getattr(client, method)(address)
    assert response.status_code == expected, (address, response.status_code)
    return response.content.decode()


def test_every_page_type_is_valid_html(client, tmp_path):
    java_and_vnu()  # skip early (or fail in CI) when the checker is missing
    site = content.create()
    pages = {}
    for name, address in PUBLIC_PAGES.items():
        pages[name] = fetch(client, address(site), expected=404 if name == "not-found" else 200)
    for url_name in ACCOUNT_FORMS:
        pages[url_name] = fetch(client, reverse(url_name))
        pages[f"{url_name}-errors"] = fetch(client, reverse(url_name), method="post")

    own = factories.EntityFactory(name="Spółdzielnia Socjalna Smaki Gorców Druga")
    member = factories.member_of(own, "prezeska@example.org")
    forms = {
        "own": own,
        "other": factories.EntityFactory(name="Fundacja Pomocna Dłoń"),
        "submission": factories.EntitySubmissionFactory(entity=own, submitted_by=member),
    }
    client.force_login(member)
    for name, (address, has_errors) in MEMBER_FORMS.items():
        pages[name] = fetch(client, address(forms))
        if has_errors:
            pages[f"{name}-errors"] = fetch(client, address(forms), method="post")

    errors = validation_errors(pages, tmp_path)
    assert not errors, "\n\n".join(f"{name}:\n" + "\n".join(lines) for name, lines in errors.items())
