"""The Board's models, one module per part: seats and nominations, meetings, experts."""

# The states were importable from here when the models were one module.
from ..states import DecisionStatus, ExpertStatus, MeetingStatus, NominationStatus, SeatStatus
from .experts import (
    Availability,
    Expert,
    ExpertArea,
    Language,
)
from .meetings import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionKind,
    DecisionMethod,
    Meeting,
    MeetingDocument,
    MeetingFormat,
    MeetingKind,
    paper_upload_to,
)
from .seats import (
    DESIGNATED_CATEGORIES,
    NOMINATED_CATEGORIES,
    ROLE_ORDER,
    BoardMember,
    BoardRole,
    Nomination,
    SeatCategory,
    cv_upload_to,
    seated_on,
)

__all__ = [
    "DecisionStatus",
    "ExpertStatus",
    "MeetingStatus",
    "NominationStatus",
    "SeatStatus",
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Availability",
    "BoardMember",
    "BoardRole",
    "DESIGNATED_CATEGORIES",
    "Decision",
    "DecisionKind",
    "DecisionMethod",
    "Expert",
    "ExpertArea",
    "Language",
    "Meeting",
    "MeetingDocument",
    "MeetingFormat",
    "MeetingKind",
    "NOMINATED_CATEGORIES",
    "Nomination",
    "ROLE_ORDER",
    "SeatCategory",
    "cv_upload_to",
    "paper_upload_to",
    "seated_on",
]
