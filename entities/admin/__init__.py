"""The registry's admin screens, split by concern: entities (list, actions, import/export, history) and the
reference data (sectors, territory, PS statuses)."""

from . import entity, registry  # noqa: F401  (registers the ModelAdmins)
