"""Member and account pages obey the strict CSP: no inline scripts, handlers or style attributes."""

import re

import pytest
from django.urls import reverse

from tests.factories import EntitySubmissionFactory

pytestmark = pytest.mark.django_db
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)|\son[a-z]+=|\sstyle=", re.I)


def test_member_pages_have_no_inline_code_or_styles(client_a, org_a, member_a):
    submission = EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    for url in [
        reverse("member:dashboard"),
        reverse("member:propose"),
        reverse("member:entity_edit", args=[org_a.slug]),
        reverse("member:entity_archive", args=[org_a.slug]),
        reverse("member:claim", args=[org_a.slug]),
        reverse("member:submission_detail", args=[submission.pk]),
        reverse("member:account_delete"),
        reverse("account_change_password"),
        reverse("account_email"),
    ]:
        html = client_a.get(url).content.decode()
        assert not INLINE.search(html), url


def test_account_pages_have_no_inline_code_or_styles(client):
    for url in [reverse("account_login"), reverse("account_signup"), reverse("account_reset_password")]:
        assert not INLINE.search(client.get(url).content.decode()), url
