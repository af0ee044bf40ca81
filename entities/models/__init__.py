from .entity import Entity, EntityQuerySet, LegalForm
from .membership import EntityPhoto, Membership
from .moderation import ENTITY_MEMBER_FIELDS, Claim, EntitySubmission, SubmissionImage
from .sector import Sector
from .status import PSStatus
from .territory import Gmina, Powiat

__all__ = [
    "ENTITY_MEMBER_FIELDS",
    "Claim",
    "Entity",
    "EntityPhoto",
    "EntityQuerySet",
    "EntitySubmission",
    "Gmina",
    "LegalForm",
    "Membership",
    "PSStatus",
    "Powiat",
    "Sector",
    "SubmissionImage",
]
