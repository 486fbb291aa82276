"""A centre's periodic report: drafts, submission, the Lab's decision (see states.py)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import CentreReport, IndicatorValue, InitiativeProgress, ReportAttachment, check_value
from ..states import FILL, REPORT, ReportStatus


def _locked(report_id: int) -> CentreReport:
    return kernel.lock(CentreReport, report_id, related=("centre",))


def _check_values(report: CentreReport, values: dict, progress: dict) -> None:
    indicators = {
        ci.pk: ci for ci in report.centre.monitored_indicators.select_related("indicator")
    }
    for ci_id, (value, _note) in values.items():
        if ci_id not in indicators:
            raise TransitionRefused(_("This indicator is not one of the centre's."), code="unknown")
        if value is not None:
            reason = check_value(indicators[ci_id].indicator.unit, value)
            if reason:
                raise TransitionRefused(
                    f"{indicators[ci_id].indicator.name}: {reason}", code="out_of_range"
                )
    initiatives = set(report.centre.initiatives.values_list("pk", flat=True))
    if set(progress) - initiatives:
        raise TransitionRefused(_("This initiative is not one of the centre's."), code="unknown")


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
    values, progress = values or {}, progress or {}
    report = _locked(report_id)
    kernel.check(report, "edit", actor)
    _check_values(report, values, progress)
    fields = {} if narrative is None else {"narrative": narrative.strip()}
    changed = sorted(
        [*fields, *(["values"] if values else []), *(["progress"] if progress else [])]
    )
    kernel.transition(report, "edit", actor=actor, fields=fields, after={"changed": changed})
    for ci_id, (value, note) in values.items():
        if value is None:
            IndicatorValue.objects.filter(report=report, centre_indicator_id=ci_id).delete()
        else:
            IndicatorValue.objects.update_or_create(
                report=report,
                centre_indicator_id=ci_id,
                defaults={"value": value, "note": note.strip()[:500]},
            )
    for initiative_id, text in progress.items():
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
    kernel.check(report, "edit", actor)
    validate_upload(file, "document")
    attachment = ReportAttachment.objects.create(
        report=report, title=title.strip() or file.name, file=file, uploaded_by=actor
    )
    kernel.record(report, actor=actor, verb="report.attachment_added", after=attachment.title)
    return attachment


def missing_for_submission(report: CentreReport) -> list[str]:
    """What the centre still has to fill before it can submit (translated)."""
    missing = []
    if not report.narrative.strip():
        missing.append(_("the narrative"))
    filled = set(report.values.values_list("centre_indicator_id", flat=True))
    for ci in report.centre.monitored_indicators.select_related("indicator"):
        if ci.pk not in filled:
            missing.append(str(ci.indicator.name))
    return missing


@transaction.atomic
def report_submit(*, report_id: int, actor: User) -> CentreReport:
    report = _locked(report_id)
    policy.require(actor, FILL, report)
    if report.status == ReportStatus.SUBMITTED:
        raise TransitionRefused(
            _("This report was already submitted: the Lab is reviewing it."),
            code="already_submitted",
        )
    kernel.check(report, "submit", actor)
    missing = missing_for_submission(report)
    if missing:
        raise TransitionRefused(
            _("Fill in before submitting: %(missing)s.") % {"missing": ", ".join(missing)},
            code="incomplete",
        )
    now = timezone.now()
    fields = {"submitted_at": now, "submitted_by": actor}
    if report.first_submitted_at is None:
        fields["first_submitted_at"] = now
    return kernel.transition(report, "submit", actor=actor, fields=fields)


def _decide(report_id: int, actor: User, action: str, comments: str) -> CentreReport:
    report = _locked(report_id)
    kernel.check(report, action, actor)
    if action == "request_changes" and not comments.strip():
        raise TransitionRefused(
            _("Say what the centre should change: it will read your comments."),
            code="comments_required",
        )
    return kernel.transition(
        report,
        action,
        actor=actor,
        fields={
            "lab_comments": comments.strip(),
            "decided_at": timezone.now(),
            "decided_by": actor,
        },
        after={"status": REPORT.action(action).target, "comments": comments.strip()},
    )


@transaction.atomic
def report_accept(*, report_id: int, actor: User, comments: str = "") -> CentreReport:
    return _decide(report_id, actor, "accept", comments)


@transaction.atomic
def report_request_changes(*, report_id: int, actor: User, comments: str) -> CentreReport:
    return _decide(report_id, actor, "request_changes", comments)
