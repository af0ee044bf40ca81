from .logs import ExportLog, Notice
from .report import Report
from .round import Round

__all__ = ["ExportLog", "Notice", "Report", "Round"]
