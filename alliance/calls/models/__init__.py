"""The calls app's models, one module per area; import them from here."""

from .applications import Application, ApplicationDocument, ApplicationRevision
from .calls import Call, Criterion, Question, QuestionKind, WhoMayApply
from .exports import CallExport, ExportStatus
from .reviews import SCORE_MAX, SCORE_MIN, ReminderSent, ReviewAssignment, Score

__all__ = [
    "SCORE_MAX",
    "SCORE_MIN",
    "Application",
    "ApplicationDocument",
    "ApplicationRevision",
    "Call",
    "CallExport",
    "Criterion",
    "ExportStatus",
    "Question",
    "QuestionKind",
    "ReminderSent",
    "ReviewAssignment",
    "Score",
    "WhoMayApply",
]
