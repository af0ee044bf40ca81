import pytest
from django.core import mail
from django.urls import reverse

from knowledge.models import Publication, PublicationProposal
from tests.factories import EntityFactory, image_upload, member_of, pdf_upload, redaktor

pytestmark = pytest.mark.django_db
URL = reverse("knowledge_member:propose")


def proposal(entity, upload=None, **overrides):
    return {
        "entity": entity.pk,
        "title": "Poradnik dla spółdzielni",
        "kind": "poradnik",
        "authors": "Spółdzielnia Socjalna Razem",
        "year": "2026",
        "summary": "Pierwszy akapit.\n\nDrugi akapit <script>x</script>.",
        "file": upload or pdf_upload(text="Zasady rozliczania dotacji na start."),
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


@pytest.fixture
def editor_client(client):
    editor = client.__class__()
    editor.force_login(redaktor())
    return editor


def decide(client, item, decision, reason=""):
    url = reverse("admin:knowledge_publicationproposal_decide", args=[item.pk])
    return client.post(url, {"decision": decision, "reason": reason})


def test_a_proposal_waits_unpublished_and_approval_publishes_it(member_client, own, editor_client, client):
    assert member_client.post(URL, proposal(own)).status_code == 302
    item = PublicationProposal.objects.get()
    publication = item.publication
    assert item.is_pending and item.entity == own and not publication.is_published
    assert (
        publication.summary
        == "<p>Pierwszy akapit.</p>\n\n<p>Drugi akapit &lt;script&gt;x&lt;/script&gt;.</p>"
    )
    assert publication.files.get().format == "pdf"
    anonymous = client.__class__()
    assert anonymous.get(publication.get_absolute_url()).status_code == 404
    assert (
        "Propozycje publikacji"
        in editor_client.get(reverse("admin:entities_moderation_queue")).content.decode()
    )
    decision_page = editor_client.get(reverse("admin:knowledge_publicationproposal_change", args=[item.pk]))
    assert "Poradnik dla spółdzielni" in decision_page.content.decode()

    assert decide(editor_client, item, "approve").status_code == 302
    assert anonymous.get(publication.get_absolute_url()).status_code == 200
    found = anonymous.get(reverse("knowledge:list"), {"q": "rozliczania dotacji"})
    assert [p.title for p in found.context["page"].object_list] == ["Poradnik dla spółdzielni"]
    assert mail.outbox[-1].to == ["prezeska@razem.example.org"]


def test_a_rejected_proposal_leaves_no_publication(member_client, own, editor_client):
    member_client.post(URL, proposal(own))
    item = PublicationProposal.objects.get()
    decide(editor_client, item, "reject", "To nie dotyczy ekonomii społecznej.")
    item.refresh_from_db()
    assert item.state == "rejected" and item.publication is None
    assert not Publication.objects.exists()


def test_a_renamed_file_is_refused(member_client, own):
    response = member_client.post(URL, proposal(own, upload=image_upload("raport.pdf")))
    assert response.status_code == 400
    assert not PublicationProposal.objects.exists() and not Publication.objects.exists()


def test_nobody_proposes_for_another_organisation(member_client):
    other = EntityFactory(name="Cudza Fundacja")
    assert member_client.post(URL, proposal(other)).status_code == 400
    assert not PublicationProposal.objects.exists()


def test_the_proposer_sees_and_withdraws_it(member_client, own):
    member_client.post(URL, proposal(own))
    item = PublicationProposal.objects.get()
    assert "Propozycje publikacji" in member_client.get(reverse("member:dashboard")).content.decode()
    member_client.post(reverse("knowledge_member:withdraw", args=[item.pk]))
    item.refresh_from_db()
    assert item.state == "withdrawn" and not Publication.objects.exists()


def test_signing_in_is_required(client):
    assert client.get(URL).status_code == 302
