"""Two claims of the same profile by the same person at the same moment (a double click, two tabs): one is
stored, the other gets the usual Polish answer, never a server error (PostgreSQL, real threads)."""

import pytest
from django.core.exceptions import ValidationError

from entities.models import Claim
from entities.services import claim_create
from tests.factories import EntityFactory, UserFactory
from tests.moderation.races import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROUNDS = 10


def test_simultaneous_claims_store_one_and_answer_the_other_in_every_round():
    for round_number in range(ROUNDS):
        person, entity = UserFactory(), EntityFactory()

        def attempt(person=person, entity=entity, justification=f"Prezes zarządu, runda {round_number}"):
            try:
                return claim_create(person, entity, justification)
            except ValidationError as error:
                return error

        outcomes = race(attempt, attempt)
        stored = [outcome for outcome in outcomes if isinstance(outcome, Claim)]
        refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
        assert len(stored) == 1 and len(refused) == 1
        assert "już czeka na decyzję" in refused[0].messages[0]
        assert Claim.objects.filter(submitted_by=person, entity=entity).count() == 1
