from .entity import Entity, EntityQuerySet, LegalForm
from .sector import Sector
from .status import PSStatus
from .territory import Gmina, Powiat

__all__ = ["Entity", "EntityQuerySet", "Gmina", "LegalForm", "PSStatus", "Powiat", "Sector"]
