"""Demo monitoring: closed rounds with a hidden cell, an open round the demo member can fill in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from monitoring.aggregation import compute
from monitoring.models import Report, Round

pytestmark = pytest.mark.django_db


def test_it_creates_closed_rounds_with_a_hidden_cell_and_an_open_round_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", entities=60, verbosity=0)
    call_command("seed_demo_members", verbosity=0)
    call_command("seed_monitoring", verbosity=0)
    call_command("seed_monitoring", verbosity=0)
    closed = Round.objects.closed().order_by("year")
    assert [round_.year for round_ in closed] == [2023, 2024]
    results = compute(closed.last())
    assert results.total.answers == 40
    assert any(row.is_hidden and row.answers for table in results.tables for row in table.rows)
    open_round = Round.objects.open().get()
    member = get_user_model().objects.get(email="czlonek@example.org")
    member_report = Report.objects.of_member(member).get(round=open_round)
    assert member_report.member_can_edit()
    assert Report.objects.filter(round=open_round).count() == open_round.asked_entities().count()


def test_it_refuses_production_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_monitoring")
