"""Every write of the calls app (split by area; import from here)."""

from .applications import (
    application_request_info,
    application_save,
    application_screen,
    application_start,
    application_submit,
    application_withdraw,
    document_add,
    document_remove,
)
from .calls import (
    call_cancel,
    call_close_now,
    call_create,
    call_mark_decided,
    call_publish,
    call_publish_results,
    call_set_criteria,
    call_set_questions,
    call_start_review,
    call_update,
    close_due_calls,
    weights_problem,
)
from .decisions import application_decide
from .exports import export_request
from .reviews import (
    assignment_create,
    assignment_declare,
    assignment_remind,
    assignments_bulk_create,
    review_save,
    reviewers,
)

__all__ = [
    "application_decide",
    "application_request_info",
    "application_save",
    "application_screen",
    "application_start",
    "application_submit",
    "application_withdraw",
    "assignment_create",
    "assignment_declare",
    "assignment_remind",
    "assignments_bulk_create",
    "call_cancel",
    "call_close_now",
    "call_create",
    "call_mark_decided",
    "call_publish",
    "call_publish_results",
    "call_set_criteria",
    "call_set_questions",
    "call_start_review",
    "call_update",
    "close_due_calls",
    "document_add",
    "export_request",
    "document_remove",
    "review_save",
    "reviewers",
    "weights_problem",
]
