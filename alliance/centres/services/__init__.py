"""Every write of the centres app. Import from here: `from alliance.centres.services import
centre_create`."""

from .accreditation import (
    accreditation_issue,
    accreditation_reinstate,
    accreditation_revoke,
    accreditation_suspend,
)
from .centres import (
    centre_close,
    centre_create,
    centre_from_application,
    centre_profile_update,
    centre_update,
    checklist_mark,
)
from .common import term_end
from .costs import cost_version_create
from .deadlines import expire_ended, send_due_reminders
from .initiatives import initiative_create, initiative_update
from .recognitions import (
    recognition_complete_design,
    recognition_decide,
    recognition_evaluate,
    recognition_request,
    recognition_start_design,
)
from .renewal import renewal_decide, renewal_evaluate, renewal_open, renewal_self_report
from .requests import (
    category_change_decide,
    category_change_evaluate,
    category_change_request,
    type_fit,
)

__all__ = [
    "accreditation_issue",
    "accreditation_reinstate",
    "accreditation_revoke",
    "accreditation_suspend",
    "category_change_decide",
    "category_change_evaluate",
    "category_change_request",
    "centre_close",
    "centre_create",
    "centre_from_application",
    "centre_profile_update",
    "centre_update",
    "checklist_mark",
    "cost_version_create",
    "expire_ended",
    "initiative_create",
    "initiative_update",
    "recognition_complete_design",
    "recognition_decide",
    "recognition_evaluate",
    "recognition_request",
    "recognition_start_design",
    "renewal_decide",
    "renewal_evaluate",
    "renewal_open",
    "renewal_self_report",
    "send_due_reminders",
    "term_end",
    "type_fit",
]
