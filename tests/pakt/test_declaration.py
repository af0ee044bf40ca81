import pytest
from django.core import mail
from django.urls import reverse

from pakt.models import PaktDeclaration, PaktMember
from tests.factories import EntityFactory, member_of, redaktor, verified_user

pytestmark = pytest.mark.django_db
URL = reverse("pakt:declaration")


def declaration(**overrides):
    return {
        "entity": "",
        "institution_name": "",
        "kind": "organizacja",
        "website": "",
        "representative": "Anna Nowak, prezeska",
        "statement": "Chcemy współtworzyć zakupy społecznie odpowiedzialne.",
        "fax": "",
        **overrides,
    }


@pytest.fixture
def own():
    return EntityFactory(name="Spółdzielnia Socjalna Razem")


@pytest.fixture
def member_client(client, own):
    client.force_login(member_of(own, "prezeska@razem.example.org"))
    return client


def decide(client, item, decision, reason=""):
    return client.post(
        reverse("admin:pakt_paktdeclaration_decide", args=[item.pk]), {"decision": decision, "reason": reason}
    )


def test_an_accepted_declaration_makes_the_organisation_a_member_shown_on_the_page(
    member_client, client, own
):
    response = member_client.post(URL, declaration(entity=own.pk))
    assert response.status_code == 302
    item = PaktDeclaration.objects.get()
    assert item.is_pending and item.entity == own
    assert (
        "Spółdzielnia Socjalna Razem"
        not in client.get(reverse("pakt:page")).content.decode().split("Członkowie Paktu")[1]
    )

    editor_client = client.__class__()
    editor_client.force_login(redaktor())
    queue = editor_client.get(reverse("admin:entities_moderation_queue")).content.decode()
    assert "Deklaracje przystąpienia do Paktu" in queue and "Spółdzielnia Socjalna Razem" in queue
    assert decide(editor_client, item, "approve").status_code == 302
    member = PaktMember.objects.get()
    assert member.entity == own and member.joined_on is not None
    page = client.get(reverse("pakt:page")).content.decode()
    assert f'<a href="{own.get_absolute_url()}">Spółdzielnia Socjalna Razem</a>' in page
    assert "Decyzja redakcji" in mail.outbox[-1].subject and mail.outbox[-1].to == [
        "prezeska@razem.example.org"
    ]


def test_a_rejected_declaration_adds_nobody(member_client, own, client):
    member_client.post(URL, declaration(entity=own.pk))
    editor_client = client.__class__()
    editor_client.force_login(redaktor())
    decide(editor_client, PaktDeclaration.objects.get(), "reject", "Brak uchwały zarządu.")
    assert not PaktMember.objects.exists()
    assert PaktDeclaration.objects.get().reason == "Brak uchwały zarządu."


def test_an_institution_outside_the_registry_may_declare(client):
    client.force_login(verified_user("urzad@gmina.example.org"))
    response = client.post(URL, declaration(institution_name="Urząd Gminy Testowej", kind="instytucja"))
    assert response.status_code == 302
    assert PaktDeclaration.objects.get().title == "Urząd Gminy Testowej"


def test_one_organisation_or_a_name_but_not_both_nor_neither(member_client, own):
    assert member_client.post(URL, declaration()).status_code == 400
    assert member_client.post(URL, declaration(entity=own.pk, institution_name="Też to")).status_code == 400
    assert not PaktDeclaration.objects.exists()


def test_nobody_declares_for_another_organisation(member_client):
    other = EntityFactory(name="Cudza Fundacja")
    assert member_client.post(URL, declaration(entity=other.pk)).status_code == 400
    assert not PaktDeclaration.objects.exists()


def test_a_second_pending_declaration_for_the_same_organisation_is_refused(member_client, own):
    member_client.post(URL, declaration(entity=own.pk))
    response = member_client.post(URL, declaration(entity=own.pk))
    assert response.status_code == 400 and "już czeka" in response.content.decode()


def test_an_organisation_already_in_the_pakt_cannot_be_approved_twice(member_client, own, client):
    member_client.post(URL, declaration(entity=own.pk))
    PaktMember.objects.create(name=own.name, kind="organizacja", entity=own)
    editor_client = client.__class__()
    editor_client.force_login(redaktor())
    decide(editor_client, PaktDeclaration.objects.get(), "approve")
    assert PaktMember.objects.count() == 1 and PaktDeclaration.objects.get().is_pending


def test_the_declarant_sees_and_withdraws_it_on_the_account_page(member_client, own):
    member_client.post(URL, declaration(entity=own.pk))
    item = PaktDeclaration.objects.get()
    assert "Małopolski Pakt" in member_client.get(reverse("member:dashboard")).content.decode()
    member_client.post(reverse("pakt:declaration_withdraw", args=[item.pk]))
    item.refresh_from_db()
    assert item.state == "withdrawn"


def test_signing_in_is_required(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
