"""Pages of /api/v1/podmioty/ from the registry's indexes and four compiled queries.

Through DRF a page of 50 entities cost five queries (an ``OFFSET`` over the keys, the rows with their gmina,
powiat and running entity, three prefetches), 50 model instances and 50 × 28 serializer fields: about 45 ms,
so at 64 connections a crawler rotating pages waited past 2 s (issue 9). Here the page's keys come from the
facet and word indexes, as the registry's own list (entities/facets.py); its rows come as plain values from
queries compiled once per process (wortal/compiled.py); and each entity's dict is built directly.

``EntitySerializer`` stays the declaration: the OpenAPI document, the details, and every list the indexes do
not answer (another ``ordering``, ``modified_after``, an identifier, no page cache, SQLite).
tests/api/test_entity_pages.py compares the two, field by field.
"""

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from api.serializers import EntitySerializer
from entities.cards import SLUG_PLACEHOLDER, legal_form_labels
from entities.facets import selected_keys
from entities.filters import SORT_NAME
from entities.models import Entity, PSStatus
from wortal.compiled import KeysQuery

# DRF's own format of the serializer's date-times (ISO 8601 in the current time zone).
MOMENT = serializers.DateTimeField(read_only=True)

# The list's default order (``EntityViewSet.ordering``): the one the indexes keep.
INDEXED_ORDERINGS = ("", "name")

# Columns given as they are, in the serializer's names (after those shaped below).
COLUMNS = (
    "slug", "name", "short_name", "legal_form", "krs", "nip", "regon", "street", "postal_code", "town",
    "email", "phone", "website", "description", "offer", "year_founded",
)  # fmt: skip
ROWS = KeysQuery(
    lambda keys: Entity.objects.filter(pk__in=keys)
    .order_by()
    .values_list(
        "pk", "latitude", "longitude", "created_at", "updated_at",
        "gmina__teryt", "gmina__name", "gmina__powiat__teryt", "gmina__powiat__name",
        "running_entity__slug", "running_entity__state", *COLUMNS,
    )
)  # fmt: skip
# A query of its own: as an ``EXISTS`` in the rows' query PostgreSQL hashes every status in force (2 ms).
PS_STATUSES = KeysQuery(
    lambda keys, today: (
        PSStatus.objects.in_force(today).filter(entity_id__in=keys).order_by().values_list("entity_id")
    )
)
# In the orders of the serializer's prefetches and of ``Powiat.Meta.ordering``.
SECTORS = KeysQuery(
    lambda keys: (
        Entity.sectors.through.objects.filter(entity_id__in=keys)
        .order_by("sector__position", "sector__name")
        .values_list("entity_id", "sector__slug")
    )
)
POWIATY_SERVED = KeysQuery(
    lambda keys: (
        Entity.powiaty_served.through.objects.filter(entity_id__in=keys)
        .order_by("powiat__name")
        .values_list("entity_id", "powiat__teryt")
    )
)


def indexed_keys(filterset, ordering: str | None):
    """The list's keys in its order from the indexes (``len()`` and slices), or None where the serializer's
    path answers: an invalid filter (its 400 comes from there), another order, ``modified_after``, or a
    list the indexes do not hold (entities/facets.py)."""
    if connection.vendor != "postgresql" or (ordering or "") not in INDEXED_ORDERINGS:
        return None
    if not filterset.is_valid() or filterset.form.cleaned_data.get("modified_after"):
        return None
    return selected_keys(filterset, sort=SORT_NAME)


def _number(value):
    return None if value is None else float(value)


def entity_representations(keys) -> list[dict]:
    """What ``EntitySerializer`` gives for the published entities with these keys, in the keys' order."""
    if not keys:
        return []
    url_pattern = settings.SITE_URL + reverse("entities:detail", kwargs={"slug": SLUG_PLACEHOLDER})
    legal_forms = legal_form_labels()
    published = Entity.State.PUBLISHED
    entities = {}
    in_force = {entity_id for (entity_id,) in PS_STATUSES.rows(keys, timezone.localdate())}
    for row in ROWS.rows(keys):
        pk, latitude, longitude, created, updated = row[:5]
        gmina_teryt, gmina_name, powiat_teryt, powiat_name, unit, unit_state = row[5:11]
        entity = dict(zip(COLUMNS, row[11:], strict=True))
        legal_form = entity["legal_form"]
        entity.update(
            url=url_pattern.replace(SLUG_PLACEHOLDER, entity["slug"]),
            legal_form_label=legal_forms.get(legal_form, legal_form),
            running_entity=unit if unit_state == published else None,
            gmina={"teryt": gmina_teryt, "name": gmina_name},
            powiat={"teryt": powiat_teryt, "name": powiat_name},
            latitude=_number(latitude),
            longitude=_number(longitude),
            sectors=[],
            powiaty_served=[],
            ps_status=pk in in_force,
            created_at=MOMENT.to_representation(created),
            updated_at=MOMENT.to_representation(updated),
        )
        entities[pk] = entity
    for entity_id, slug in SECTORS.rows(keys):
        entities[entity_id]["sectors"].append(slug)
    for entity_id, teryt in POWIATY_SERVED.rows(keys):
        entities[entity_id]["powiaty_served"].append(teryt)
    # In the serializer's order of fields, so that both paths give the same JSON.
    fields = EntitySerializer.Meta.fields
    return [{name: entities[key][name] for name in fields} for key in keys if key in entities]
