"""The optional read replica: only an anonymous visitor's page view reads from it."""

import pytest
from django.test import RequestFactory

from entities.models import Entity
from wortal.db_router import ReplicaMiddleware, ReplicaRouter


def database_read_during(request):
    seen = []
    ReplicaMiddleware(lambda request: seen.append(ReplicaRouter().db_for_read(Entity)))(request)
    return seen[0]


@pytest.mark.parametrize(
    ("method", "cookies", "expected"),
    [
        ("get", {}, "replica"),
        ("head", {}, "replica"),
        ("get", {"sessionid": "x"}, "default"),
        ("post", {}, "default"),
    ],
)
def test_anonymous_page_views_read_from_the_replica_and_everything_else_from_the_primary(
    method, cookies, expected
):
    request = getattr(RequestFactory(), method)("/podmioty/")
    request.COOKIES.update(cookies)
    assert database_read_during(request) == expected


def test_outside_a_request_and_for_writes_the_primary_is_used():
    router = ReplicaRouter()
    assert router.db_for_read(Entity) == "default"
    assert router.db_for_write(Entity) == "default"
    assert router.allow_migrate("replica", "entities") is False
