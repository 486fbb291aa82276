"""Every write of the joining journey (split by lifecycle; import from here)."""

from .assessments import (
    assessment_complete,
    assessment_save_section,
    assessment_start,
    assessment_start_review,
    assessment_submit,
)
from .declarations import (
    declaration_countersign,
    declaration_draft,
    declaration_sign,
    declaration_withdraw,
)
from .expressions import (
    expression_acknowledge,
    expression_create,
    expression_decline,
    expression_submit,
    expression_update,
)

__all__ = [
    "assessment_complete",
    "assessment_save_section",
    "assessment_start",
    "assessment_start_review",
    "assessment_submit",
    "declaration_countersign",
    "declaration_draft",
    "declaration_sign",
    "declaration_withdraw",
    "expression_acknowledge",
    "expression_create",
    "expression_decline",
    "expression_submit",
    "expression_update",
]
