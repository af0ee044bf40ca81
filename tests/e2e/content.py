"""Published content of every public page type, built with the factories (the e2e tests' shared scenery)."""

import datetime
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from entities.models import LegalForm
from tests import factories

# The smallest file the upload check accepts as MP4: an ISO-BMFF `ftyp` box (the browser need not play it).
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nDzień dobry, tu Spółdzielnia Socjalna Smaki Gorców.\n".encode()


def video_upload():
    return SimpleUploadedFile("film.mp4", MP4_BYTES, content_type="video/mp4")


def captions_upload():
    return SimpleUploadedFile("napisy.vtt", CAPTIONS, content_type="text/vtt")


def create():
    gorce = factories.EntityFactory(
        name="Spółdzielnia Socjalna Smaki Gorców",
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        town="Nowy Targ",
        gmina=factories.gmina("121101"),
        description="Catering z lokalnych produktów i kuchnia dla szkół.",
        offer="Obiady dla szkół, catering na spotkania.",
        email="kontakt@smakigorcow.example.org",
        website="https://smakigorcow.example.org",
        sectors=[factories.sector("gastronomia-i-catering")],
    )
    factories.PSStatusFactory(entity=gorce)
    organiser = factories.EntityFactory(name="Fundacja Pomocna Dłoń", town="Kraków")
    now = timezone.now()
    category = factories.CategoryFactory(name="Szkolenia", slug="szkolenia")
    post = factories.PostFactory(
        title="Szkolenie z zamówień społecznych",
        lead="Jak samorządy kupują usługi od spółdzielni socjalnych.",
        body="<h2>Program</h2><p>Klauzule społeczne w praktyce.</p>",
        lead_image=factories.image_upload("szkolenie.jpg"),
        lead_image_alt="Uczestnicy szkolenia przy stole",
        categories=[category],
    )
    uploaded_film = factories.FilmFactory(
        title="Jak działa spółdzielnia socjalna",
        external_url="",
        video_file=video_upload(),
        captions=captions_upload(),
        poster=factories.image_upload("kadr.jpg", color="#225588"),
        poster_alt="Kucharki w kuchni spółdzielni",
        duration=datetime.timedelta(minutes=3, seconds=20),
    )
    external_film = factories.FilmFactory(
        title="Partnerska interwencja",
        published_at=now - datetime.timedelta(days=2),
    )
    event = factories.EventFactory(title="Spotkanie Małopolskiego Paktu dla Ekonomii Społecznej")
    past_event = factories.EventFactory(
        title="Targi ekonomii społecznej",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=3),
    )
    initiative = factories.InitiativeFactory(
        title="Wspólna kuchnia w Nowym Targu",
        organisers=[gorce, organiser],
        powiaty=[gorce.gmina.powiat],
        is_featured=True,
    )
    factories.InitiativePhotoFactory(initiative=initiative)
    return SimpleNamespace(
        entity=gorce,
        post=post,
        uploaded_film=uploaded_film,
        external_film=external_film,
        event=event,
        past_event=past_event,
        initiative=initiative,
    )
