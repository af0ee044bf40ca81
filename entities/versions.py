"""A token for the registry as it is now: caches derived from the registry alone put it in their keys.

The statistics (entities/statistics.py), the map's clusters (entities/map.py) and the facet index
(entities/facets.py) depend only on entities, their sectors and PS statuses and the territory. Keyed by the
site-wide content generation (wortal/cache.py) they would be thrown away by every news post or page an editor
saves; keyed by this token they last until the registry itself changes. The token is replaced by the signals
of those models (entities/signals.py) and, for bulk writes that send no signals (imports, demo data), by
``registry_changed()``.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

from wortal.cache import bump_content_generation

VERSION_KEY = "entities:registry-version"


def registry_version() -> str:
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def _replace():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def new_registry_version():
    """Every cache keyed by the old token is stale from now on (a new token makes its keys unreachable), and
    again once the current transaction commits: a request that read the new token before the commit saw the
    old rows, and what it built must not outlive the commit (as for the content generation)."""
    _replace()
    transaction.on_commit(_replace)


def registry_changed():
    """After a bulk write to the registry: new token, and every cached page stale."""
    new_registry_version()
    bump_content_generation()
