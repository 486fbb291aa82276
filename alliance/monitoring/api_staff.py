"""Monitoring API for the secretariat: accept a centre's report or ask for changes;
publish and withdraw lessons learned. Each action is one of states.REPORT or
states.LESSON, through the services the pages call (docs/api-actions.md)."""

from datetime import datetime

from ninja import Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.api_actions import (
    actions_of,
    mount,
    resource_family,
    step,
    taken_elsewhere,
)
from alliance.core.schemas import Choice

from . import services
from .api import ReportOut
from .api import _out as _report_out
from .models import LessonLearned
from .permissions import get_lesson_for, get_report_for
from .states import LessonStatus


class MonitoringCommentsIn(Schema):
    comments: str = Field("", max_length=10_000)


class MonitoringChangesIn(Schema):
    comments: str = Field(max_length=10_000)


class MonitoringLessonOut(Schema):
    id: int
    title: str
    summary: str
    status: Choice(LessonLearned, "status")
    created_at: datetime | None
    actions: list[str]


_resource = resource_family(
    prefix="monitoring_staff", base="/monitoring/staff", tags=["monitoring: staff"]
)

reports = _resource(
    "report",
    "reports",
    "report_id",
    "monitoring.CentreReport",
    get_report_for,
    out=_report_out,
    own_schema=ReportOut,
)


reports.steps(
    services,
    {
        "accept": step(
            "report_accept",
            "Accept a submitted report, with optional comments for the centre.",
            MonitoringCommentsIn,
        ),
        "request_changes": step(
            "report_request_changes",
            "Send a submitted report back to the centre, saying what to change.",
            MonitoringChangesIn,
        ),
    },
)


taken_elsewhere(
    "monitoring.CentreReport",
    {
        "edit": "PUT /api/v1/monitoring/reports/{report_id}",
        "submit": "POST /api/v1/monitoring/reports/{report_id}/submit",
    },
)


def _lesson_out(lesson, user) -> dict:
    return {
        "id": lesson.pk,
        "title": lesson.title,
        "summary": lesson.summary,
        "status": lesson.status,
        "created_at": getattr(lesson, "created_at", None),
        "actions": actions_of(lesson, user),
    }


lessons = _resource(
    "lesson",
    "lessons",
    "lesson_id",
    "monitoring.LessonLearned",
    get_lesson_for,
    out=_lesson_out,
    own_schema=MonitoringLessonOut,
)


lessons.steps(
    services,
    {
        "publish": step(
            "lesson_set_status",
            "Publish a lesson learned (a draft, or one withdrawn).",
            status=LessonStatus.PUBLISHED,
        )
    },
)


class MonitoringLessonEditIn(Schema):
    title: str | None = Field(None, max_length=200)
    summary: str | None = Field(None, max_length=500)
    body: str | None = Field(None, max_length=50_000)


class MonitoringLessonReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=10_000)


@lessons.action("edit", body=MonitoringLessonEditIn)
def lesson_edit(lesson, actor, payload):
    """Change a draft, or a lesson the Lab sent back (its author, or the Lab)."""
    fields = {k: v for k, v in payload.dict().items() if v is not None}
    services.lesson_update(lesson_id=lesson.pk, actor=actor, **fields)


lessons.steps(
    services,
    {
        "submit": step(
            "lesson_set_status",
            "Send the lesson to the Lab for review (its author).",
            status=LessonStatus.SUBMITTED,
        ),
        "request_changes": step(
            "lesson_set_status",
            "Send the lesson back to its author with what to change (the Lab).",
            MonitoringLessonReasonIn,
            status=LessonStatus.CHANGES_REQUESTED,
        ),
        "decline": step(
            "lesson_set_status",
            "Decline the lesson, saying why (the Lab).",
            MonitoringLessonReasonIn,
            status=LessonStatus.DECLINED,
        ),
        "withdraw": step(
            "lesson_set_status",
            "Withdraw a published lesson from the public pages.",
            status=LessonStatus.WITHDRAWN,
        ),
    },
)

router = mount((reports, lessons), tags=["monitoring: staff"], auth=TokenAuth)
