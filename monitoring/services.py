"""The round's life cycle: opening and inviting, reminding, answering, the editors' review, closing.

Every e-mail goes through ``_send_once``: the ``Notice`` row and the message are one transaction under a
unique key, so repeating a step (a cron run twice, an editor pressing "invite" again) never sends the same
message to the same address twice, and a failed send leaves nothing recorded, to be retried next time.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from entities.models import Membership
from monitoring.aggregation import main_sector
from monitoring.forms import answers_are_complete
from monitoring.models import Notice, Report, Round

# Reminders go this many days before the deadline to those who have not sent their answers.
REMINDER_DAYS = (14, 3)
INVITATION = "zaproszenie"


def recipients(report) -> tuple[list[str], bool]:
    """The members' addresses, or the entity's own e-mail when it has no members yet (then with a link to
    claim the profile). The second value says which."""
    emails = sorted(
        {
            email
            for email in Membership.objects.filter(entity=report.entity).values_list("user__email", flat=True)
            if email
        }
    )
    if emails:
        return emails, False
    return ([report.entity.email] if report.entity.email else []), True


def _send_once(report, kind, email, subject, template, context) -> bool:
    try:
        with transaction.atomic():
            Notice.objects.create(report=report, kind=kind, email=email)
            send_mail(subject, render_to_string(template, context), None, [email])
    except IntegrityError:
        return False
    return True


def _context(report, to_claim):
    return {
        "report": report,
        "round": report.round,
        "entity": report.entity,
        "to_claim": to_claim,
        "form_url": settings.SITE_URL + reverse("monitoring_member:report", args=[report.pk]),
        "claim_url": settings.SITE_URL + reverse("member:claim", args=[report.entity.slug]),
        "signup_url": settings.SITE_URL + reverse("account_signup"),
    }


def _notify(report, kind, subject, template, extra=None) -> int:
    emails, to_claim = recipients(report)
    context = {**_context(report, to_claim), **(extra or {})}
    return sum(_send_once(report, kind, email, subject, template, context) for email in emails)


@transaction.atomic
def round_open(round_: Round) -> int:
    """Open the round: one report per asked entity (kept when the selection changes later). Invitations
    follow from ``invitations_send`` on the opening day (at once when it has come)."""
    if round_.state == Round.State.CLOSED:
        raise ValidationError(_("Zamkniętej rundy nie można otworzyć ponownie."))
    round_.state = Round.State.OPEN
    round_.opened_at = round_.opened_at or timezone.now()
    round_.save(update_fields=["state", "opened_at"])
    existing = set(round_.reports.values_list("entity_id", flat=True))
    new = [
        Report(round=round_, entity_id=pk)
        for pk in round_.asked_entities().values_list("pk", flat=True)
        if pk not in existing
    ]
    Report.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def invitations_send(round_: Round, today=None) -> int:
    """Invite every asked entity's members (or its own address) who have not been invited yet."""
    today = today or timezone.localdate()
    if round_.state != Round.State.OPEN or round_.opens_on > today:
        return 0
    subject = _("Monitoring ekonomii społecznej za %(year)s r.: zaproszenie") % {"year": round_.year}
    sent = 0
    for report in round_.reports.select_related("entity", "round"):
        sent += _notify(report, INVITATION, subject, "monitoring/email/invitation.txt")
    return sent


def due_reminder(round_: Round, today) -> int | None:
    """The reminder due today: the one nearest the deadline among those whose day has come (a missed cron day
    does not send two reminders at once)."""
    if not round_.accepts_answers(today):
        return None
    due = [days for days in REMINDER_DAYS if today >= round_.closes_on - datetime.timedelta(days=days)]
    return min(due) if due else None


def reminders_send(round_: Round, today=None) -> int:
    today = today or timezone.localdate()
    days = due_reminder(round_, today)
    if days is None:
        return 0
    subject = _("Przypomnienie: monitoring ekonomii społecznej za %(year)s r. (termin %(date)s)") % {
        "year": round_.year,
        "date": round_.closes_on.strftime("%d.%m.%Y"),
    }
    sent = 0
    for report in round_.reports.unanswered().select_related("entity", "round"):
        sent += _notify(report, f"przypomnienie-{days}", subject, "monitoring/email/reminder.txt")
    return sent


def round_close(round_: Round) -> None:
    round_.state = Round.State.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["state", "closed_at"])


def rounds_due_to_close(today=None):
    today = today or timezone.localdate()
    return Round.objects.open().filter(closes_on__lt=today)


def _lock(report):
    """Lock the report's row and read its state again: of two people deciding at once (two members sending,
    an editor accepting while another asks for a correction), the second sees what the first did."""
    report.state, report.late_allowed = (
        Report.objects.select_for_update().filter(pk=report.pk).values_list("state", "late_allowed").get()
    )


def _check_member_may_edit(report):
    _lock(report)
    if not report.member_can_edit():
        raise ValidationError(_("Tej odpowiedzi nie można już zmienić."))


@transaction.atomic
def report_save_draft(report: Report, answers: dict) -> None:
    _check_member_may_edit(report)
    report.answers = answers
    if report.state == Report.State.INVITED:
        report.state = Report.State.DRAFT
    report.save(update_fields=["answers", "state", "updated_at"])


@transaction.atomic
def report_submit(report: Report, answers: dict, user) -> None:
    _check_member_may_edit(report)
    report.answers = answers
    report.state = Report.State.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user
    report.save(update_fields=["answers", "state", "submitted_at", "submitted_by", "updated_at"])


def report_request_correction(report: Report, editor, message: str) -> None:
    if not message.strip():
        raise ValidationError(_("Napisz, co trzeba poprawić."))
    with transaction.atomic():
        _lock(report)
        if report.state not in (Report.State.SUBMITTED, Report.State.ACCEPTED):
            raise ValidationError(_("Poprawki można prosić tylko o przesłaną odpowiedź."))
        report.state = Report.State.CORRECTION
        report.correction_message = message.strip()
        report.reviewed_at = timezone.now()
        report.reviewed_by = editor
        report.save(update_fields=["state", "correction_message", "reviewed_at", "reviewed_by", "updated_at"])
    subject = _("Monitoring za %(year)s r.: prośba o poprawkę") % {"year": report.round.year}
    kind = f"poprawka-{report.reviewed_at:%Y%m%d%H%M%S%f}"
    _notify(report, kind, subject, "monitoring/email/correction.txt")


@transaction.atomic
def report_accept(report: Report, editor) -> None:
    """Accept sent answers; the entity's place (powiat, form, main sector) is fixed now for the results."""
    _lock(report)
    if report.state != Report.State.SUBMITTED:
        raise ValidationError(_("Przyjąć można tylko przesłaną odpowiedź."))
    if not answers_are_complete(report.questionnaire, report.answers):
        raise ValidationError(_("Odpowiedź jest niekompletna lub niespójna; poproś o poprawkę."))
    entity = report.entity
    report.state = Report.State.ACCEPTED
    report.reviewed_at = timezone.now()
    report.reviewed_by = editor
    report.powiat = entity.gmina.powiat
    report.legal_form = entity.legal_form
    report.sector = main_sector(entity)
    report.save()


def report_allow_late(report: Report) -> None:
    report.late_allowed = True
    report.save(update_fields=["late_allowed", "updated_at"])
