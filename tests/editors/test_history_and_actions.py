import re

import pytest
from django import forms
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from entities.models import Entity
from initiatives.models import Initiative
from news.models import Post
from tests.factories import EntityFactory, InitiativeFactory, PostFactory, redaktor

pytestmark = pytest.mark.django_db
ACTION = {"index": 0}


def run_action(client, model, action, objects):
    url = reverse(f"admin:{model}_changelist")
    data = {"action": action, "_selected_action": [o.pk for o in objects], **ACTION}
    return client.post(url, data)


def test_publishing_entities_in_bulk_records_who_and_when(client):
    editor = redaktor()
    entities = EntityFactory.create_batch(3, state=Entity.State.DRAFT)
    client.force_login(editor)
    response = run_action(client, "entities_entity", "publish_selected", entities)
    assert response.status_code == 302
    assert set(Entity.objects.values_list("state", flat=True)) == {"published"}
    record = entities[0].history.first()
    assert record.history_user == editor and record.state == "published"
    assert record.history_change_reason == "Akcja zbiorcza: publikacja"
    assert LogEntry.objects.filter(user=editor).count() == 3


def test_marking_entities_verified_today_records_the_editor(client):
    editor = redaktor()
    entity = EntityFactory(last_verified_on=None)
    client.force_login(editor)
    run_action(client, "entities_entity", "mark_verified_today", [entity])
    entity.refresh_from_db()
    assert entity.last_verified_on == timezone.localdate() and entity.last_verified_by == editor
    assert entity.history.first().history_user == editor


def test_archiving_initiatives_and_withdrawing_posts_in_bulk(client):
    client.force_login(redaktor())
    initiative = InitiativeFactory()
    post = PostFactory()
    run_action(client, "initiatives_initiative", "archive_selected", [initiative])
    run_action(client, "news_post", "archive_selected", [post])
    assert Initiative.objects.get().state == "archived"
    assert not Post.objects.get().is_published
    assert Post.history.filter(id=post.pk).count() == 2


def test_an_action_needs_the_change_permission(client):
    from tests.factories import UserFactory

    viewer = UserFactory(username="tylko-patrzy", is_staff=True)
    client.force_login(viewer)
    entity = EntityFactory(state=Entity.State.DRAFT)
    response = run_action(client, "entities_entity", "publish_selected", [entity])
    assert response.status_code == 403
    assert Entity.objects.get().state == "draft"


def test_an_editor_sees_the_history_with_what_changed(client):
    editor = redaktor()
    entity = EntityFactory(name="Stara nazwa")
    entity.name = "Nowa nazwa"
    entity._history_user = editor
    entity.save()
    client.force_login(editor)
    response = client.get(reverse("admin:entities_entity_history", args=[entity.pk]))
    assert response.status_code == 200
    assert "Stara nazwa" in response.content.decode() and "Nowa nazwa" in response.content.decode()


def test_an_editor_restores_an_earlier_version(client):
    editor = redaktor()
    entity = EntityFactory(name="Pierwotna nazwa")
    first = entity.history.first()
    entity.name = "Błędna nazwa"
    entity.save()
    client.force_login(editor)
    url = reverse("admin:entities_entity_simple_history", args=[entity.pk, first.history_id])
    form = client.get(url)
    assert form.status_code == 200
    data = form_data(form)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    entity.refresh_from_db()
    assert entity.name == "Pierwotna nazwa"
    assert entity.history.first().history_user == editor


def form_data(response):
    """The values of a rendered admin form, as a browser would send them back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        if isinstance(field.widget, forms.MultiWidget):  # date and time in two inputs
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{index}"] = part.isoformat() if part is not None else ""
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    for formset in response.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return data


def test_the_second_of_two_simultaneous_saves_is_refused_naming_the_first_editor(client):
    first_editor = redaktor("anna")
    second_editor = redaktor("bartek")
    entity = EntityFactory(name="Wspólny podmiot")
    url = reverse("admin:entities_entity_change", args=[entity.pk])
    client.force_login(second_editor)
    stale = form_data(client.get(url))

    client.force_login(first_editor)
    fresh = form_data(client.get(url))
    assert client.post(url, {**fresh, "name": "Zmiana Anny"}).status_code == 302

    client.force_login(second_editor)
    response = client.post(url, {**stale, "name": "Zmiana Bartka"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "zmienił(a) w międzyczasie anna" in content
    entity.refresh_from_db()
    assert entity.name == "Zmiana Anny"


def test_a_save_from_a_fresh_form_goes_through(client):
    client.force_login(redaktor())
    entity = EntityFactory()
    url = reverse("admin:entities_entity_change", args=[entity.pk])
    data = form_data(client.get(url))
    assert re.match(r"\d{4}-", data["version"])
    assert client.post(url, {**data, "short_name": "Skrót"}).status_code == 302
    assert Entity.objects.get().short_name == "Skrót"


@pytest.mark.parametrize(
    "factory, model", [(PostFactory, "news_post"), (InitiativeFactory, "initiatives_initiative")]
)
def test_posts_and_initiatives_can_be_restored_too(client, factory, model):
    obj = factory(title="Tytuł pierwotny")
    first = obj.history.first()
    obj.title = "Tytuł zmieniony"
    obj.save()
    client.force_login(redaktor())
    url = reverse(f"admin:{model}_simple_history", args=[obj.pk, first.history_id])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.title == "Tytuł pierwotny"
    assert obj.history.count() == 3


def test_the_history_page_needs_a_signed_in_editor(client):
    entity = EntityFactory()
    response = client.get(reverse("admin:entities_entity_history", args=[entity.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
