"""Queries compiled once and run with other keys (wortal/compiled.py): the ORM's own rows, for any keys."""

import pytest

from entities.models import Entity
from tests.factories import EntityFactory
from wortal.compiled import KeysQuery

pytestmark = pytest.mark.django_db

NAMES = KeysQuery(
    lambda keys, state: Entity.objects.filter(pk__in=keys, state=state).values_list("pk", "name")
)


def test_rows_are_the_orms_rows_for_other_keys_and_arguments():
    entities = [*EntityFactory.create_batch(5), EntityFactory(state=Entity.State.DRAFT)]
    for keys in ([entities[0].pk], [e.pk for e in entities[1:4]], [e.pk for e in entities[2:5]]):
        expected = set(Entity.objects.filter(pk__in=keys).values_list("pk", "name"))
        assert set(NAMES.rows(keys, Entity.State.PUBLISHED)) == expected
    everyone = [e.pk for e in entities]
    assert set(NAMES.rows(everyone, Entity.State.DRAFT)) == {(entities[-1].pk, entities[-1].name)}
    assert NAMES.rows([], Entity.State.PUBLISHED) == []


def test_a_query_that_does_not_take_every_key_is_refused():
    query = KeysQuery(
        lambda keys: Entity.objects.filter(pk__in=keys[:1], year_founded=1990).values_list("pk")
    )
    with pytest.raises(ValueError):
        query.rows([1, 2])
