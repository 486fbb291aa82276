"""A centre's periodic report: drafts, submission, the Lab's decision (see states.py)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..models import CentreReport, IndicatorValue, InitiativeProgress, ReportAttachment, check_value
from ..permissions import require_centre_manager, require_lab
from ..states import EDITABLE_STATES, REPORT_ALLOWED, ReportStatus
from ..tasks import notify_report


def _locked(report_id: int) -> CentreReport:
    return CentreReport.objects.select_for_update().select_related("centre").get(pk=report_id)


def _require_editable(report: CentreReport) -> None:
    if report.status not in EDITABLE_STATES:
        raise TransitionRefused(
            _("This report was submitted: it can no longer be changed."), code="not_editable"
        )


@transaction.atomic
def report_save_draft(
    *,
    report_id: int,
    actor: User,
    narrative: str | None = None,
    values: dict[int, tuple[Decimal | None, str]] | None = None,
    progress: dict[int, str] | None = None,
) -> CentreReport:
    """Keep what the centre typed. `values` maps a centre indicator id to (value, note);
    a value of None clears it. Values of the wrong unit or out of range are refused."""
    report = _locked(report_id)
    require_centre_manager(actor, report.centre)
    _require_editable(report)
    indicators = {
        ci.pk: ci for ci in report.centre.monitored_indicators.select_related("indicator")
    }
    for ci_id, (value, _note) in (values or {}).items():
        if ci_id not in indicators:
            raise TransitionRefused(_("This indicator is not one of the centre's."), code="unknown")
        if value is not None:
            reason = check_value(indicators[ci_id].indicator.unit, value)
            if reason:
                raise TransitionRefused(
                    f"{indicators[ci_id].indicator.name}: {reason}", code="out_of_range"
                )
    if narrative is not None:
        report.narrative = narrative.strip()
        report.save(update_fields=["narrative", "updated_at"])
    for ci_id, (value, note) in (values or {}).items():
        if value is None:
            IndicatorValue.objects.filter(report=report, centre_indicator_id=ci_id).delete()
        else:
            IndicatorValue.objects.update_or_create(
                report=report,
                centre_indicator_id=ci_id,
                defaults={"value": value, "note": note.strip()[:500]},
            )
    initiatives = set(report.centre.initiatives.values_list("pk", flat=True))
    for initiative_id, text in (progress or {}).items():
        if initiative_id not in initiatives:
            raise TransitionRefused(
                _("This initiative is not one of the centre's."), code="unknown"
            )
        if text.strip():
            InitiativeProgress.objects.update_or_create(
                report=report, initiative_id=initiative_id, defaults={"progress": text.strip()}
            )
        else:
            InitiativeProgress.objects.filter(report=report, initiative_id=initiative_id).delete()
    return report


@transaction.atomic
def report_attach(*, report_id: int, actor: User, title: str, file) -> ReportAttachment:
    report = _locked(report_id)
    require_centre_manager(actor, report.centre)
    _require_editable(report)
    validate_upload(file, "document")
    attachment = ReportAttachment.objects.create(
        report=report, title=title.strip() or file.name, file=file, uploaded_by=actor
    )
    record_event(actor=actor, verb="report.attachment_added", obj=report, after=attachment.title)
    return attachment


def missing_for_submission(report: CentreReport) -> list[str]:
    """What the centre still has to fill before it can submit (translated)."""
    missing = []
    if not report.narrative.strip():
        missing.append(_("the narrative"))
    filled = set(report.values.values_list("centre_indicator_id", flat=True))
    for ci in report.centre.monitored_indicators.select_related("indicator"):
        if ci.pk not in filled:
            missing.append(ci.indicator.name)
    return missing


@transaction.atomic
def report_submit(*, report_id: int, actor: User) -> CentreReport:
    report = _locked(report_id)
    require_centre_manager(actor, report.centre)
    if report.status == ReportStatus.SUBMITTED:
        raise TransitionRefused(
            _("This report was already submitted: the Lab is reviewing it."),
            code="already_submitted",
        )
    require_transition(report, ReportStatus.SUBMITTED, REPORT_ALLOWED)
    missing = missing_for_submission(report)
    if missing:
        raise TransitionRefused(
            _("Fill in before submitting: %(missing)s.") % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    before = report.status
    now = timezone.now()
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now
    report.submitted_by = actor
    fields = ["status", "submitted_at", "submitted_by", "updated_at"]
    if report.first_submitted_at is None:
        report.first_submitted_at = now
        fields.append("first_submitted_at")
    report.save(update_fields=fields)
    record_event(
        actor=actor, verb="report.submitted", obj=report, before=before, after=report.status
    )
    transaction.on_commit(lambda: notify_report.enqueue(report.pk, "submitted"))
    return report


def _decide(report_id: int, actor: User, target: str, comments: str, verb: str) -> CentreReport:
    report = _locked(report_id)
    require_lab(actor)
    require_transition(report, target, REPORT_ALLOWED)
    before = report.status
    report.status = target
    report.lab_comments = comments.strip()
    report.decided_at = timezone.now()
    report.decided_by = actor
    report.save(update_fields=["status", "lab_comments", "decided_at", "decided_by", "updated_at"])
    record_event(
        actor=actor,
        verb=verb,
        obj=report,
        before=before,
        after={"status": target, "comments": report.lab_comments},
    )
    transaction.on_commit(lambda: notify_report.enqueue(report.pk, target))
    return report


@transaction.atomic
def report_accept(*, report_id: int, actor: User, comments: str = "") -> CentreReport:
    return _decide(report_id, actor, ReportStatus.ACCEPTED, comments, "report.accepted")


@transaction.atomic
def report_request_changes(*, report_id: int, actor: User, comments: str) -> CentreReport:
    if not comments.strip():
        raise TransitionRefused(
            _("Say what the centre should change: it will read your comments."),
            code="comments_required",
        )
    return _decide(
        report_id, actor, ReportStatus.CHANGES_REQUESTED, comments, "report.changes_requested"
    )
