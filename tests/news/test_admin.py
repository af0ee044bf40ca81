import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from initiatives.models import Initiative
from news.models import Post
from tests.factories import UserFactory, image_upload

pytestmark = pytest.mark.django_db


def post_data(**overrides):
    data = {
        "title": "Nowa wiadomość",
        "slug": "",
        "is_published": "on",
        "published_at_0": "2025-01-01",
        "published_at_1": "10:00",
        "lead": "Lead.",
        "body": "<p>Tekst</p><script>alert(1)</script>",
    }
    return {**data, **overrides}


def test_an_editor_publishes_a_post_with_a_clean_image(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_post_add"),
        post_data(
            lead_image=image_upload(name="Moje Zdjęcie.jpg"), lead_image_alt="Spotkanie", author=editor.pk
        ),
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.slug == "nowa-wiadomosc" and post.body == "<p>Tekst</p>"
    assert post.lead_image.name.startswith("news/images/") and "Moje" not in post.lead_image.name
    assert post.author == editor


def test_the_admin_refuses_an_image_without_alternative_text(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_post_add"), post_data(lead_image=image_upload(), lead_image_alt="")
    )
    assert response.status_code == 200
    assert "tekst alternatywny jest wymagany" in response.content.decode()
    assert not Post.objects.exists()


def test_the_admin_refuses_a_file_that_is_not_an_image(client, editor):
    client.force_login(editor)
    fake = SimpleUploadedFile("zdjecie.jpg", b"<svg onload=alert(1)>")
    response = client.post(reverse("admin:news_post_add"), post_data(lead_image=fake, lead_image_alt="x"))
    assert response.status_code == 200
    assert not Post.objects.exists()


def test_the_new_post_form_suggests_the_editor_as_author(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:news_post_add"))
    assert response.context["adminform"].form.initial["author"] == editor.pk


def test_editors_mark_initiatives_as_featured_and_publish_them(client, editor):
    from tests.factories import InitiativeFactory

    initiative = InitiativeFactory(state="draft")
    client.force_login(editor)
    response = client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish_selected", "_selected_action": [initiative.pk]},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.state == Initiative.State.PUBLISHED


def test_people_without_staff_rights_cannot_reach_the_content_admin(client):
    client.force_login(UserFactory())
    assert client.get(reverse("admin:news_post_add")).status_code == 302


@pytest.mark.parametrize(
    "model", ["news_post", "news_film", "news_event", "news_category", "news_page", "initiatives_initiative"]
)
def test_the_admin_pages_for_content_open_for_an_editor(client, editor, model):
    client.force_login(editor)
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    if model != "news_page":
        assert client.get(reverse(f"admin:{model}_add")).status_code == 200
