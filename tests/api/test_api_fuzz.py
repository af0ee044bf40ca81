"""The public API fuzzed against its own OpenAPI document (schemathesis): whatever the parameters, no server
error, and every answer matches the document. Kept short: a few examples per operation."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.content import published_content

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _content(db, monkeypatch):
    # The fuzzer makes more requests than an anonymous visitor may; the limit has tests of its own.
    monkeypatch.setattr(AnonRateThrottle, "rate", "100000/min", raising=False)
    published_content()


@pytest.fixture(autouse=True)
def _keep_the_test_transaction():
    # Requests go through the real WSGI handler, which closes the database connection after each request (and
    # with it the test's transaction). Django's test client switches that off the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_never_fails_and_always_matches_its_schema(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
