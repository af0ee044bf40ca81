import pytest

from tests.factories import EntityFactory, InitiativeFactory, InitiativePhotoFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_a_published_initiative_shows_its_report(client):
    organiser = EntityFactory(name="Fundacja Przystań")
    initiative = InitiativeFactory(
        title="Ogrody społeczne",
        summary="Mieszkańcy zakładają ogrody.",
        results="<ul><li>7 ogrodów</li></ul>",
        partners="Rada osiedla",
        organisers=[organiser, EntityFactory(name="Ukryty partner", state="draft")],
    )
    InitiativePhotoFactory(initiative=initiative, alt="Grządki na skwerze")
    initiative.links.create(label="Relacja w prasie", url="https://example.org/relacja")
    PostFactory(title="Piszemy o ogrodach").related_initiatives.set([initiative])
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "<h1>Ogrody społeczne</h1>" in html
    assert "<li>7 ogrodów</li>" in html and "Rada osiedla" in html
    assert f'<a href="{organiser.get_absolute_url()}">Fundacja Przystań</a>' in html
    assert "Ukryty partner" not in html
    assert 'alt="Grządki na skwerze"' in html and "srcset=" in html
    assert 'href="https://example.org/relacja" rel="noopener"' in html
    assert "Piszemy o ogrodach" in html
    assert '<meta name="description" content="Mieszkańcy zakładają ogrody.">' in html
    assert '<meta property="og:image" content="http://testserver/media/cache/' in html


@pytest.mark.parametrize("state", ["draft", "pending", "archived"])
def test_an_unpublished_initiative_is_404_for_the_public(client, state):
    assert client.get(InitiativeFactory(state=state).get_absolute_url()).status_code == 404


def test_an_editor_previews_a_draft_uncached(client, editor):
    initiative = InitiativeFactory(state="draft")
    client.force_login(editor)
    response = client.get(initiative.get_absolute_url())
    assert "Podgląd dla redakcji" in response.content.decode()
    assert "no-cache" in response.headers["Cache-Control"]


def test_the_description_is_sanitised(client):
    initiative = InitiativeFactory(
        description='<p>Opis</p><script>alert(1)</script><a href="javascript:x()">x</a>'
    )
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "<p>Opis</p>" in html and "alert(1)" not in html and "javascript:" not in html


def test_an_entity_profile_lists_its_published_initiatives(client):
    entity = EntityFactory()
    InitiativeFactory(title="Jawna inicjatywa", organisers=[entity])
    InitiativeFactory(title="Szkic inicjatywy", organisers=[entity], state="draft")
    InitiativeFactory(title="Cudza inicjatywa", organisers=[EntityFactory()])
    html = client.get(entity.get_absolute_url()).content.decode()
    assert "Jawna inicjatywa" in html
    assert "Szkic inicjatywy" not in html and "Cudza inicjatywa" not in html


def test_an_end_before_the_start_is_refused_in_polish():
    import datetime

    from django.core.exceptions import ValidationError

    initiative = InitiativeFactory.build(
        start_date=datetime.date(2024, 5, 1), end_date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        initiative.clean()
    assert error.value.message_dict["end_date"] == ["Koniec nie może być przed początkiem."]


def test_it_refuses_post(client):
    assert client.post(InitiativeFactory().get_absolute_url()).status_code == 405
