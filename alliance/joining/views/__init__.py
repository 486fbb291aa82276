from .assessments import (
    assessment_check,
    assessment_complete,
    assessment_detail,
    assessment_report,
    assessment_section,
    assessment_start_review,
    assessment_submitted,
    assessment_tasks,
)
from .declarations import (
    declaration_countersign,
    declaration_create,
    declaration_detail,
    declaration_document,
    declaration_sign,
    declaration_withdraw,
    verify,
)
from .expressions import (
    assessment_start,
    expression_acknowledge,
    expression_create,
    expression_decline,
    expression_detail,
    expression_edit,
    expression_submit,
    organisation_joining,
)
from .public import which_centre_type
from .queues import queue

__all__ = [
    "assessment_check",
    "assessment_complete",
    "assessment_detail",
    "assessment_report",
    "assessment_section",
    "assessment_start",
    "assessment_start_review",
    "assessment_submitted",
    "assessment_tasks",
    "declaration_countersign",
    "declaration_create",
    "declaration_detail",
    "declaration_document",
    "declaration_sign",
    "declaration_withdraw",
    "expression_acknowledge",
    "expression_create",
    "expression_decline",
    "expression_detail",
    "expression_edit",
    "expression_submit",
    "organisation_joining",
    "queue",
    "verify",
    "which_centre_type",
]
