from .indicators import centre_indicator_remove, centre_indicator_set, indicator_save, schedule_set
from .lessons import lesson_create, lesson_set_status, lesson_update, render_markdown
from .reports import (
    report_accept,
    report_attach,
    report_request_changes,
    report_save_draft,
    report_submit,
)
from .schedule import open_due_reports, send_reminders

__all__ = [
    "centre_indicator_remove",
    "centre_indicator_set",
    "indicator_save",
    "lesson_create",
    "lesson_set_status",
    "lesson_update",
    "open_due_reports",
    "render_markdown",
    "report_accept",
    "report_attach",
    "report_request_changes",
    "report_save_draft",
    "report_submit",
    "schedule_set",
    "send_reminders",
]
