"""The Board's forms, one module per part: seats and nominations, meetings, experts."""

from .experts import (
    ExpertApplicationForm,
    ExpertDecisionForm,
    ExpertFilterForm,
    ExpertInviteForm,
)
from .meetings import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    DecisionStatusForm,
    DocumentForm,
    ElectionForm,
    MeetingForm,
    MinutesForm,
)
from .seats import (
    ApproveForm,
    DeclineForm,
    DesignationForm,
    EligibilityForm,
    EndSeatForm,
    MemberDetailsForm,
    NominationFilterForm,
    NominationForm,
    OnDateForm,
    RenewForm,
)

__all__ = [
    "AgendaItemForm",
    "ApproveForm",
    "AttendanceForm",
    "DecisionForm",
    "DecisionStatusForm",
    "DeclineForm",
    "DesignationForm",
    "DocumentForm",
    "ElectionForm",
    "EligibilityForm",
    "EndSeatForm",
    "ExpertApplicationForm",
    "ExpertDecisionForm",
    "ExpertFilterForm",
    "ExpertInviteForm",
    "MeetingForm",
    "MemberDetailsForm",
    "MinutesForm",
    "NominationFilterForm",
    "NominationForm",
    "OnDateForm",
    "RenewForm",
]
