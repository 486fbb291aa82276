"""Writes on applications: start, save a draft, documents, submit, withdraw, screen."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..completeness import missing_items
from ..eligibility import eligibility_problems
from ..models import Application, ApplicationDocument, ApplicationRevision, Call
from ..states import APPLICATION_ALLOWED, APPLICATION_EDITABLE, ApplicationStatus, CallStatus
from ..timefmt import format_deadline
from ._common import require_manager, require_perm

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
    require_manager(actor, organisation)
    call = Call.objects.get(pk=call_id)
    _require_accepting(call, timezone.now())
    problems = eligibility_problems(call=call, organisation=organisation)
    if problems:
        raise TransitionRefused(" ".join(problems), code="not_eligible")
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call, organisation=organisation, created_by=actor
            )
    except IntegrityError as exc:
        raise TransitionRefused(
            _("%(org)s already has an application to this call.") % {"org": organisation},
            code="already_applied",
        ) from exc
    record_event(actor=actor, verb="application.started", obj=application)
    return application


def _lock_editable(application_id: int, actor) -> Application:
    application = (
        Application.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=application_id)
    )
    require_manager(actor, application.organisation)
    if application.status not in APPLICATION_EDITABLE:
        raise TransitionRefused(
            _("This application is %(status)s and can no longer be changed.")
            % {"status": application.get_status_display().lower()},
            code="not_editable",
        )
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
    for name, value in fields.items():
        setattr(application, name, value)
    update = [*fields, "updated_at"]
    if answers:
        application.answers = {**application.answers, **answers}
        update.append("answers")
    application.save(update_fields=update)
    record_event(
        actor=actor,
        verb="application.saved",
        obj=application,
        before=before,
        after=snapshot(application),
    )
    return application


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
    record_event(
        actor=actor, verb="application.document_added", obj=application, after=document.title
    )
    return document


@transaction.atomic
def document_remove(*, document_id: int, actor) -> None:
    document = ApplicationDocument.objects.get(pk=document_id)
    application = _lock_editable(document.application_id, actor)
    title = document.title
    document.file.delete(save=False)
    document.delete()
    record_event(actor=actor, verb="application.document_removed", obj=application, before=title)


@transaction.atomic
def application_submit(*, application_id: int, actor) -> Application:
    from ..tasks import email_applicants

    now = timezone.now()
    application = (
        Application.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=application_id)
    )
    require_manager(actor, application.organisation)
    require_transition(application, ApplicationStatus.SUBMITTED, APPLICATION_ALLOWED)
    call = application.call
    if application.status == ApplicationStatus.DRAFT:
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
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    number = application.revisions.count() + 1
    ApplicationRevision.objects.create(
        application=application, number=number, snapshot=snapshot(application), created_by=actor
    )
    record_event(
        actor=actor,
        verb="application.submitted"
        if before == ApplicationStatus.DRAFT
        else "application.resubmitted",
        obj=application,
        before=before,
        after={"status": application.status, "revision": number},
    )
    transaction.on_commit(lambda: email_applicants.enqueue(application.pk, "submitted"))
    return application


@transaction.atomic
def application_withdraw(*, application_id: int, actor) -> Application:
    application = Application.objects.select_for_update().get(pk=application_id)
    require_manager(actor, application.organisation)
    require_transition(application, ApplicationStatus.WITHDRAWN, APPLICATION_ALLOWED)
    before = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    record_event(
        actor=actor, verb="application.withdrawn", obj=application, before=before, after="withdrawn"
    )
    return application


@transaction.atomic
def application_screen(*, application_id: int, actor, eligible: bool, reason: str = ""):
    from ..tasks import email_applicants

    require_perm(actor, "calls.manage_call")
    application = (
        Application.objects.select_for_update().select_related("call").get(pk=application_id)
    )
    target = ApplicationStatus.IN_REVIEW if eligible else ApplicationStatus.INELIGIBLE
    require_transition(application, target, APPLICATION_ALLOWED)
    if application.call.status not in (CallStatus.CLOSED, CallStatus.IN_REVIEW):
        raise TransitionRefused(
            _("Applications are screened once the call has closed."), code="call_open"
        )
    if not eligible and not reason.strip():
        raise TransitionRefused(
            _("Give the reason why the application is ineligible; the applicant will see it."),
            code="reason",
        )
    before = application.status
    application.status = target
    application.screening_reason = reason
    application.save(update_fields=["status", "screening_reason", "updated_at"])
    record_event(
        actor=actor,
        verb="application.screened",
        obj=application,
        before=before,
        after={"status": target, "reason": reason},
    )
    transaction.on_commit(lambda: email_applicants.enqueue(application.pk, "screened"))
    return application


@transaction.atomic
def application_request_info(*, application_id: int, actor, message: str, due_at=None):
    from ..tasks import email_applicants

    require_perm(actor, "calls.manage_call")
    if not message.strip():
        raise TransitionRefused(_("Say what information is needed."), code="reason")
    application = Application.objects.select_for_update().get(pk=application_id)
    require_transition(application, ApplicationStatus.MORE_INFO_REQUESTED, APPLICATION_ALLOWED)
    before = application.status
    application.status = ApplicationStatus.MORE_INFO_REQUESTED
    application.more_info_request = message
    application.more_info_due_at = due_at
    application.save(
        update_fields=["status", "more_info_request", "more_info_due_at", "updated_at"]
    )
    record_event(
        actor=actor,
        verb="application.more_info_requested",
        obj=application,
        before=before,
        after={"status": application.status, "message": message},
    )
    transaction.on_commit(lambda: email_applicants.enqueue(application.pk, "more_info"))
    return application
