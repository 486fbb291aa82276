"""Monitoring API for the secretariat: accept a centre's report or ask for changes;
publish and withdraw lessons learned. Each action is one of states.REPORT or
states.LESSON, through the services the pages call (docs/api-actions.md)."""

from datetime import datetime

from ninja import Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.api_actions import Resource, actions_of, register, taken_elsewhere
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


reports = register(
    Resource(
        name="monitoring_staff_report",
        path="/monitoring/staff/reports",
        id_name="report_id",
        model="monitoring.CentreReport",
        fetch=get_report_for,
        out=_report_out,
        schema=ReportOut,
        tags=["monitoring: staff"],
    )
)


@reports.action("accept", body=MonitoringCommentsIn)
def accept(report, actor, payload):
    """Accept a submitted report, with optional comments for the centre."""
    services.report_accept(report_id=report.pk, actor=actor, comments=payload.comments)


@reports.action("request_changes", body=MonitoringChangesIn)
def request_changes(report, actor, payload):
    """Send a submitted report back to the centre, saying what to change."""
    services.report_request_changes(report_id=report.pk, actor=actor, comments=payload.comments)


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


lessons = register(
    Resource(
        name="monitoring_staff_lesson",
        path="/monitoring/staff/lessons",
        id_name="lesson_id",
        model="monitoring.LessonLearned",
        fetch=get_lesson_for,
        out=_lesson_out,
        schema=MonitoringLessonOut,
        tags=["monitoring: staff"],
    )
)


@lessons.action("publish")
def publish(lesson, actor, payload):
    """Publish a lesson learned (a draft, or one withdrawn)."""
    services.lesson_set_status(lesson_id=lesson.pk, actor=actor, status=LessonStatus.PUBLISHED)


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


@lessons.action("submit")
def lesson_submit(lesson, actor, payload):
    """Send the lesson to the Lab for review (its author)."""
    services.lesson_set_status(lesson_id=lesson.pk, actor=actor, status=LessonStatus.SUBMITTED)


@lessons.action("request_changes", body=MonitoringLessonReasonIn)
def lesson_request_changes(lesson, actor, payload):
    """Send the lesson back to its author with what to change (the Lab)."""
    services.lesson_set_status(
        lesson_id=lesson.pk,
        actor=actor,
        status=LessonStatus.CHANGES_REQUESTED,
        reason=payload.reason,
    )


@lessons.action("decline", body=MonitoringLessonReasonIn)
def lesson_decline(lesson, actor, payload):
    """Decline the lesson, saying why (the Lab)."""
    services.lesson_set_status(
        lesson_id=lesson.pk, actor=actor, status=LessonStatus.DECLINED, reason=payload.reason
    )


@lessons.action("withdraw")
def withdraw(lesson, actor, payload):
    """Withdraw a published lesson from the public pages."""
    services.lesson_set_status(lesson_id=lesson.pk, actor=actor, status=LessonStatus.WITHDRAWN)


router = Router(tags=["monitoring: staff"], auth=TokenAuth())
router.add_router("/", reports.router(TokenAuth()))
router.add_router("/", lessons.router(TokenAuth()))
