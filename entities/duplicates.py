"""Finding an organisation that may already be in the registry, before someone proposes it again."""

from difflib import SequenceMatcher

from entities.models import Entity, EntitySubmission
from wortal.text import words

IDENTIFIERS = ("nip", "krs", "regon")
# Folded names this similar (0–1) in the same gmina are offered as "is this your organisation?".
NAME_SIMILARITY = 0.85
# Legal-form words say nothing about which organisation it is.
_NOISE = {"fundacja", "stowarzyszenie", "spoldzielnia", "socjalna", "pracy", "kolo", "gospodyn", "wiejskich"}


def _core(name: str) -> str:
    kept = [word for word in words(name) if word not in _NOISE]
    return " ".join(kept or words(name))


def entity_with_identifier(field: str, value: str, exclude_pk=None):
    return Entity.objects.filter(**{field: value}).exclude(pk=exclude_pk).first() if value else None


def pending_proposal_with_identifier(field: str, value: str):
    if not value:
        return None
    return (
        EntitySubmission.objects.pending()
        .filter(kind=EntitySubmission.Kind.CREATE, **{f"data__{field}": value})
        .first()
    )


def similar_names(name: str, gmina, exclude_pk=None) -> list[Entity]:
    """Published entities in the same gmina whose names, without legal-form words, are nearly the same."""
    if not name or gmina is None:
        return []
    target = _core(name)
    candidates = Entity.objects.published().filter(gmina=gmina).exclude(pk=exclude_pk).only("name", "slug")
    return [
        entity
        for entity in candidates
        if SequenceMatcher(None, target, _core(entity.name)).ratio() >= NAME_SIMILARITY
    ]
