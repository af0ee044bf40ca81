"""Demo monitoring: two closed rounds with accepted answers from demo entities (so the public results show
figures, a year-on-year change and cells hidden by the small-cell rule) and one open round that the demo
member's organisation can fill in.

Run after seed_demo and seed_demo_members. Idempotent: a round that exists is left as it is. No e-mail is
sent (the open round's invitations go out with ``monitoring_daily``). Refuses DEBUG=false unless --force.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from entities.models import Entity
from monitoring import services
from monitoring.demo import answers_for
from monitoring.models import Report, Round

CLOSED = {2023: 34, 2024: 40}  # year: how many demo entities answered
INVITATION = (
    "Szanowni Państwo, jak co roku regionalny ośrodek polityki społecznej zbiera informacje o zatrudnieniu "
    "i działalności podmiotów ekonomii społecznej w Małopolsce. Ankieta zajmie około 15 minut."
)


class Command(BaseCommand):
    help = "Tworzy demonstracyjne rundy monitoringu: dwie zamknięte z odpowiedziami i jedną otwartą."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    @transaction.atomic
    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_monitoring tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        entities = list(
            Entity.objects.published()
            .select_related("gmina__powiat")
            .order_by("pk")[: max(CLOSED.values()) + 6]
        )
        if len(entities) < max(CLOSED.values()):
            raise CommandError(
                "Najpierw uruchom seed_demo (potrzeba co najmniej 40 opublikowanych podmiotów)."
            )
        editor = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
        for year, answered in CLOSED.items():
            self.closed_round(year, entities[: answered + 6], answered, editor)
        self.open_round(timezone.localdate())

    def closed_round(self, year, asked, answered, editor):
        if Round.objects.filter(year=year).exists():
            return
        round_ = Round.objects.create(
            year=year,
            questionnaire_version=1,
            opens_on=datetime.date(year + 1, 2, 1),
            closes_on=datetime.date(year + 1, 3, 31),
            invitation_text=INVITATION,
        )
        round_.entities.set(asked)
        services.round_open(round_)
        reports = {
            report.entity_id: report for report in round_.reports.select_related("entity__gmina__powiat")
        }
        for entity in asked[:answered]:
            report = reports[entity.pk]
            Report.objects.filter(pk=report.pk).update(
                answers=answers_for(entity.pk, year, 1),
                state=Report.State.SUBMITTED,
                submitted_at=timezone.now(),
            )
            report.refresh_from_db()
            services.report_accept(report, editor)
        services.round_close(round_)
        self.stdout.write(f"{round_}: {answered} przyjętych odpowiedzi z {len(asked)} zaproszonych.")

    def open_round(self, today):
        year = today.year - 1
        if Round.objects.filter(year=year).exists():
            return
        round_ = Round.objects.create(
            year=year,
            questionnaire_version=2,
            opens_on=today - datetime.timedelta(days=7),
            closes_on=today + datetime.timedelta(days=45),
            invitation_text=INVITATION,
        )
        services.round_open(round_)
        self.stdout.write(
            f"{round_}: otwarta do {round_.closes_on:%d.%m.%Y}, pytamy {round_.reports.count()} podmiotów."
        )
