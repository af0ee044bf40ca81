"""Demo Pakt: members (some linked to registry entities, some institutions outside it), the meeting from the
news demo marked as a Pakt meeting, and the library's demo Pakt documents."""

import datetime

from entities.models import Entity
from knowledge.demo import pakt_documents
from news.models import Event
from pakt.models import MemberKind, PaktDocument, PaktMeeting, PaktMember

INSTITUTIONS = [
    (
        "Regionalny Ośrodek Polityki Społecznej w Krakowie (przykład)",
        MemberKind.INSTITUTION,
        datetime.date(2015, 6, 1),
    ),
    ("Gmina Przykładowa (przykład)", MemberKind.INSTITUTION, datetime.date(2019, 3, 12)),
    ("Przykładowa Spółka z o.o. (przykład)", MemberKind.COMPANY, datetime.date(2022, 10, 5)),
]


def seed_pakt() -> int:
    created = 0
    for name, kind, joined_on in INSTITUTIONS:
        _, was_created = PaktMember.objects.get_or_create(
            name=name, defaults={"kind": kind, "joined_on": joined_on}
        )
        created += was_created
    for offset, entity in enumerate(Entity.objects.published().order_by("pk")[:3]):
        if not PaktMember.objects.filter(entity=entity).exists():
            PaktMember.objects.create(
                name=entity.name,
                kind=MemberKind.ORGANISATION,
                entity=entity,
                joined_on=datetime.date(2016 + offset * 3, 9, 1),
            )
            created += 1
    for event in Event.objects.filter(title__icontains="Paktu"):
        PaktMeeting.objects.get_or_create(event=event)
    for publication in pakt_documents():
        PaktDocument.objects.get_or_create(publication=publication)
    return created
