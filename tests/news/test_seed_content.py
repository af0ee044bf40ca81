import io

import pytest
from django.core.management import CommandError, call_command

from initiatives.models import Initiative
from news.models import Event, Film, Post
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def test_it_creates_demo_content_once(client, settings):
    settings.DEBUG = True
    EntityFactory.create_batch(3)
    call_command("seed_content", stdout=io.StringIO())
    counts = (Post.objects.count(), Film.objects.count(), Event.objects.count(), Initiative.objects.count())
    call_command("seed_content", stdout=io.StringIO())
    assert (
        Post.objects.count(),
        Film.objects.count(),
        Event.objects.count(),
        Initiative.objects.count(),
    ) == counts
    film = Film.objects.get(slug="partnerska-interwencja")
    assert film.provider == "youtube" and film.transcript
    assert Event.objects.filter(title__contains="Małopolskiego Paktu dla Ekonomii Społecznej").exists()
    assert Initiative.objects.filter(organisers__isnull=False).exists()
    assert client.get("/").status_code == 200


def test_it_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_content")
    call_command("seed_content", "--force", stdout=io.StringIO())
    assert Film.objects.exists()
