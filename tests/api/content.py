"""One published item of each kind the API serves, plus unpublished ones it must hide."""

import datetime
from decimal import Decimal

from django.utils import timezone

from entities.models import Entity
from initiatives.models import Initiative
from news.models import Event, Film, Post
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector


def published_content():
    entity = EntityFactory(
        name="Spółdzielnia Socjalna Smaki",
        slug="smaki",
        latitude=Decimal("50.061"),
        longitude=Decimal("19.937"),
        contact_name="Anna Kontaktowa",
        contact_email="anna@example.org",
        contact_phone="600 100 200",
        contact_consent=True,
        sectors=[sector("gastronomia-i-catering")],
    )
    PSStatusFactory(entity=entity)
    EntityFactory(name="Szkic", slug="szkic", state=Entity.State.DRAFT, gmina=gmina("120101"))
    initiative = Initiative.objects.create(
        title="Wspólna kuchnia",
        slug="wspolna-kuchnia",
        summary="Gotujemy razem.",
        theme=Initiative._meta.get_field("theme").choices[0][0],
        start_date=datetime.date(2025, 5, 1),
        state=Initiative.State.PUBLISHED,
    )
    initiative.organisers.add(entity)
    now = timezone.now()
    Post.objects.create(title="Nowość", slug="nowosc", lead="Krótko.", is_published=True, published_at=now)
    Post.objects.create(title="Ukryty", slug="ukryty", lead="Nie.", is_published=False)
    Film.objects.create(
        title="Film",
        slug="film",
        is_published=True,
        external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    Event.objects.create(
        title="Spotkanie",
        slug="spotkanie",
        is_published=True,
        start=now + datetime.timedelta(days=3),
        end=now + datetime.timedelta(days=3, hours=2),
        organiser_entity=entity,
    )
    return entity
