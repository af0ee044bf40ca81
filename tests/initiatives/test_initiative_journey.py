"""The whole journey: a member reports an initiative → pending → editor approves → public and on the profile;
the member changes it → public page unchanged → editor approves → the change is live."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from initiatives.models import Initiative, InitiativeSubmission
from tests.initiatives.posts import initiative_post, initiative_post_for

pytestmark = pytest.mark.django_db


def editor_decides(editor_client, submission, decision="approve", reason=""):
    response = editor_client.post(
        reverse("admin:initiatives_initiativesubmission_decide", args=[submission.pk]),
        {"decision": decision, "reason": reason},
    )
    assert response["Location"] == reverse("admin:entities_moderation_queue")


def test_a_report_goes_from_a_member_through_the_editor_to_the_public(editor_client, member_a, org_a):
    member, visitor = Client(), Client()
    member.force_login(member_a)

    assert (
        member.post(reverse("initiative_member:propose", args=[org_a.slug]), initiative_post()).status_code
        == 302
    )
    initiative = Initiative.objects.get()
    assert initiative.state == "pending"
    assert visitor.get(initiative.get_absolute_url()).status_code == 404
    assert "Ogród sąsiedzki" not in visitor.get(org_a.get_absolute_url()).content.decode()
    sitemap = reverse("sitemap_section", args=["inicjatywy"])
    assert initiative.get_absolute_url() not in visitor.get(sitemap).content.decode()
    assert "oczekuje na decyzję redakcji" in member.get(reverse("member:dashboard")).content.decode()
    assert (
        "Nowa inicjatywa: 1" in editor_client.get(reverse("admin:entities_moderation_queue")).content.decode()
    )

    editor_decides(editor_client, InitiativeSubmission.objects.get())
    assert visitor.get(initiative.get_absolute_url()).status_code == 200
    assert "Ogród sąsiedzki na Prądniku" in visitor.get(org_a.get_absolute_url()).content.decode()
    assert "Ogród sąsiedzki na Prądniku" in visitor.get(reverse("initiatives:list")).content.decode()
    assert initiative.get_absolute_url() in visitor.get(sitemap).content.decode()
    assert "zatwierdziła" in mail.outbox[-1].body

    # Edit → pending → public unchanged → approve → live.
    initiative.refresh_from_db()
    edit = reverse("initiative_member:edit", args=[initiative.slug])
    assert edit in member.get(reverse("member:dashboard")).content.decode()
    member.post(edit, initiative_post_for(initiative, results="<p>Trzydzieści grządek.</p>"))
    assert "Trzydzieści grządek." not in visitor.get(initiative.get_absolute_url()).content.decode()
    editor_decides(editor_client, InitiativeSubmission.objects.get(kind="change"))
    assert "Trzydzieści grządek." in visitor.get(initiative.get_absolute_url()).content.decode()


def test_a_rejected_report_is_corrected_without_retyping(editor_client, member_a, org_a):
    member = Client()
    member.force_login(member_a)
    member.post(reverse("initiative_member:propose", args=[org_a.slug]), initiative_post())
    proposal = InitiativeSubmission.objects.get()
    editor_decides(editor_client, proposal, "reject", "Dodajcie daty warsztatów.")
    assert not Initiative.objects.exists()
    assert "Dodajcie daty warsztatów." in member.get(reverse("member:dashboard")).content.decode()
    detail = member.get(reverse("initiative_member:submission_detail", args=[proposal.pk])).content.decode()
    again = reverse("initiative_member:propose", args=[org_a.slug]) + f"?z={proposal.pk}"
    assert again in detail
    assert "Rada Dzielnicy III" in member.get(again).content.decode()
