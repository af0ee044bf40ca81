"""A member withdrawing while an editor approves: real threads and transactions on PostgreSQL, many rounds.

Before, the withdrawal could land after the approval and leave the submission "withdrawn" with nobody as the
decider while the approved change was live. Every state change now locks the submission's row and re-checks
that it is still pending: exactly one of the two wins, and the other is told so in Polish.
"""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from entities.models import EntitySubmission
from tests.factories import EntityFactory, EntitySubmissionFactory, member_of, redaktor
from tests.moderation.races import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROUNDS = 20


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_withdrawing_against_approving_has_exactly_one_winner_in_every_round():
    entity = EntityFactory(phone="12 111 11 11")
    member, editor = member_of(entity, "anna@alfa.example.org"), redaktor()
    member_client, editor_client = signed_in(member), signed_in(editor)
    outcomes = set()
    for round_number in range(ROUNDS):
        phone = f"12 222 22 {round_number:02d}"
        submission = EntitySubmissionFactory(entity=entity, submitted_by=member, data={"phone": phone})
        withdraw = reverse("member:submission_withdraw", args=[submission.pk])
        decide = reverse("admin:entities_entitysubmission_decide", args=[submission.pk])
        withdrawn, decided = race(
            lambda url=withdraw: member_client.post(url),
            lambda url=decide: editor_client.post(url, {"decision": "approve"}),
        )
        submission.refresh_from_db()
        entity.refresh_from_db()
        outcomes.add(submission.state)
        if submission.state == EntitySubmission.State.APPROVED:
            assert submission.decided_by == editor and entity.phone == phone
            assert "nie można już wycofać" in messages_of(withdrawn)
        else:
            assert submission.state == EntitySubmission.State.WITHDRAWN
            assert submission.decided_by is None and entity.phone != phone
            assert "już wycofane przez zgłaszającego" in messages_of(decided)
    assert outcomes <= {"approved", "withdrawn"}
