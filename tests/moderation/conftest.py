"""The organisations' personas (a visitor, members of A and B, an editor) for the moderation's tests."""

from tests.entities.conftest import (  # noqa: F401  (pytest fixtures)
    _fresh_rate_limits,
    client_a,
    client_b,
    editor_client,
    member_a,
    member_b,
    org_a,
    org_b,
)
