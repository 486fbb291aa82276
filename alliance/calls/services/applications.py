"""Writes on applications: start, save a draft, documents, submit, withdraw, screen."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..completeness import missing_items
from ..eligibility import eligibility_problems
from ..models import Application, ApplicationDocument, ApplicationRevision, Call
from ..states import CALL_REVIEWABLE, ApplicationStatus, CallStatus
from ..timefmt import format_deadline

DRAFT_FIELDS = {
    "proposed_centre_type",
    "proposed_scope",
    "host_institution",
    "flagship_initiatives",
    "human_resources_plan",
    "financial_resources_plan",
}


def _deadline_refusal(call: Call) -> TransitionRefused:
    return TransitionRefused(
        _("The deadline for this call was %(deadline)s. Applications can no longer be submitted.")
        % {"deadline": format_deadline(call.closes_at)},
        code="deadline_passed",
    )


def _require_accepting(call: Call, now) -> None:
    if now >= call.closes_at:
        raise _deadline_refusal(call)
    if call.status != CallStatus.OPEN:
        raise TransitionRefused(_("This call is not accepting applications."), code="call_not_open")
    if now < call.opens_at:
        raise TransitionRefused(
            _("This call opens on %(date)s.") % {"date": format_deadline(call.opens_at)},
            code="call_not_open",
        )


def snapshot(application: Application) -> dict:
    return {
        "status": application.status,
        "proposed_centre_type": application.proposed_centre_type_id,
        "proposed_scope": application.proposed_scope,
        "host_institution": application.host_institution,
        "flagship_initiatives": application.flagship_initiatives,
        "human_resources_plan": application.human_resources_plan,
        "financial_resources_plan": application.financial_resources_plan,
        "answers": application.answers,
        "documents": [d.title for d in application.documents.all()],
    }


@transaction.atomic
def application_start(*, call_id: int, organisation, actor) -> Application:
    call = Call.objects.get(pk=call_id)
    application = Application(call=call, organisation=organisation, created_by=actor)
    policy.require(actor, "calls.application.manage", application)
    _require_accepting(call, timezone.now())
    problems = eligibility_problems(call=call, organisation=organisation)
    if problems:
        raise TransitionRefused(" ".join(problems), code="not_eligible")
    try:
        with transaction.atomic():
            kernel.create(application, actor=actor, verb="application.started")
    except IntegrityError as exc:
        raise TransitionRefused(
            _("%(org)s already has an application to this call.") % {"org": organisation},
            code="already_applied",
        ) from exc
    return application


def _lock(application_id: int) -> Application:
    # Only the application's row is locked: on deadline day every applicant of a call
    # submits at once, and they must not queue on the call's (or organisation's) row.
    return kernel.lock(Application, application_id, related=("call", "organisation"))


def _lock_editable(application_id: int, actor) -> Application:
    application = _lock(application_id)
    kernel.check(application, "edit", actor)
    if (
        application.status == ApplicationStatus.DRAFT
        and timezone.now() >= application.call.closes_at
    ):
        raise _deadline_refusal(application.call)
    return application


@transaction.atomic
def application_save(*, application_id: int, actor, answers: dict | None = None, **fields):
    """Save a draft (or a revision asked for by the secretariat); any subset of fields."""
    unknown = set(fields) - DRAFT_FIELDS
    if unknown:
        raise ValueError(f"Unknown application fields: {unknown}")
    application = _lock_editable(application_id, actor)
    before = snapshot(application)
    changes = dict(fields)
    if answers:
        changes["answers"] = {**application.answers, **answers}
    for name, value in changes.items():
        setattr(application, name, value)
    return kernel.transition(
        application,
        "edit",
        actor=actor,
        fields=changes,
        before=before,
        after=snapshot(application),
    )


@transaction.atomic
def document_add(*, application_id: int, actor, title: str, file, question=None):
    application = _lock_editable(application_id, actor)
    validate_upload(file, "application")
    if question is not None:
        # A file question holds one file: a new upload replaces the old one.
        application.documents.filter(question=question).delete()
    document = ApplicationDocument.objects.create(
        application=application,
        question=question,
        title=title or file.name,
        file=file,
        size=file.size,
        uploaded_by=actor,
    )
    # The document is part of the application: the event is the application's.
    kernel.record(application, actor=actor, verb="application.document_added", after=document.title)
    return document


@transaction.atomic
def document_remove(*, document_id: int, actor) -> None:
    document = ApplicationDocument.objects.get(pk=document_id)
    application = _lock_editable(document.application_id, actor)
    title = document.title
    document.file.delete(save=False)
    document.delete()
    kernel.record(application, actor=actor, verb="application.document_removed", before=title)


@transaction.atomic
def application_submit(*, application_id: int, actor) -> Application:
    """Submit a draft before the deadline, or a revision asked for before its reply date."""
    now = timezone.now()
    application = _lock(application_id)
    first = application.status != ApplicationStatus.MORE_INFO_REQUESTED
    kernel.check(application, "submit", actor)
    call = application.call
    if first:
        _require_accepting(call, now)
    elif application.more_info_due_at and now >= application.more_info_due_at:
        raise TransitionRefused(
            _("The reply was due by %(deadline)s. Contact the secretariat.")
            % {"deadline": format_deadline(application.more_info_due_at)},
            code="deadline_passed",
        )
    questions = list(call.questions.all())
    documents = list(application.documents.all())
    missing = missing_items(application, questions, documents)
    if missing:
        raise TransitionRefused(
            _("The application is not complete: %(missing)s")
            % {"missing": " ".join(m for _k, m in missing)},
            code="incomplete",
        )
    before = application.status
    number = application.revisions.count() + 1
    kernel.transition(
        application,
        "submit",
        actor=actor,
        verb="application.submitted" if first else "application.resubmitted",
        fields={"submitted_at": now},
        before=before,
        after={"status": ApplicationStatus.SUBMITTED, "revision": number},
    )
    ApplicationRevision.objects.create(
        application=application, number=number, snapshot=snapshot(application), created_by=actor
    )
    return application


@transaction.atomic
def application_withdraw(*, application_id: int, actor) -> Application:
    application = kernel.lock(Application, application_id)
    return kernel.transition(application, "withdraw", actor=actor)


@transaction.atomic
def application_screen(*, application_id: int, actor, eligible: bool, reason: str = ""):
    application = kernel.lock(Application, application_id, related=("call",))
    action = "screen_in" if eligible else "screen_out"
    kernel.check(application, action, actor)
    # Closed from the deadline on, whatever jobs have run (the kernel's current state).
    if kernel.state(application.call) not in CALL_REVIEWABLE:
        raise TransitionRefused(
            _("Applications are screened once the call has closed."), code="call_open"
        )
    if not eligible and not reason.strip():
        raise TransitionRefused(
            _("Give the reason why the application is ineligible; the applicant will see it."),
            code="reason",
        )
    target = ApplicationStatus.IN_REVIEW if eligible else ApplicationStatus.INELIGIBLE
    return kernel.transition(
        application,
        action,
        actor=actor,
        fields={"screening_reason": reason},
        after={"status": target, "reason": reason},
    )


@transaction.atomic
def application_request_info(*, application_id: int, actor, message: str, due_at=None):
    application = kernel.lock(Application, application_id)
    kernel.check(application, "request_info", actor)
    if not message.strip():
        raise TransitionRefused(_("Say what information is needed."), code="reason")
    return kernel.transition(
        application,
        "request_info",
        actor=actor,
        fields={"more_info_request": message, "more_info_due_at": due_at},
        after={"status": ApplicationStatus.MORE_INFO_REQUESTED, "message": message},
    )
