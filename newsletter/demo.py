"""Demo newsletter: a few confirmed example subscribers and a draft issue prefilled with the latest items."""

from django.utils import timezone

from entities.models import Powiat
from newsletter.content import latest_items
from newsletter.forms import CONSENT_TEXT
from newsletter.models import Issue, Subscriber

SUBSCRIBERS = [
    ("czytelniczka@example.org", ("news", "events", "publications", "entities"), None),
    ("gmina.nowytarg@example.org", ("entities", "events"), "1211"),
    ("badacz@example.org", ("publications",), None),
]
DRAFT_SUBJECT = "Newsletter Wortalu – przykładowe wydanie"


def seed_newsletter() -> int:
    created = 0
    for email, topics, powiat in SUBSCRIBERS:
        _, was_created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "consent_text": str(CONSENT_TEXT),
                "confirmed_at": timezone.now(),
                "powiat": Powiat.objects.filter(teryt=powiat).first() if powiat else None,
                **{f"wants_{topic}": True for topic in topics},
            },
        )
        created += was_created
    if not Issue.objects.filter(subject=DRAFT_SUBJECT).exists():
        issue = Issue.objects.create(
            subject=DRAFT_SUBJECT,
            intro="<p>Przykładowe wydanie z danych demonstracyjnych: przejrzyj podgląd i wyślij test do siebie.</p>",
        )
        for field, pks in latest_items().items():
            getattr(issue, field).set(pks[:5])
    return created
