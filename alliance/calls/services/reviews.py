"""Writes on reviews: assign (one or in bulk), declare conflicts, score, remind."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.roles import StaffRole, has_role
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition

from ..models import SCORE_MAX, SCORE_MIN, Application, ReviewAssignment, Score
from ..states import (
    ASSIGNMENT_ACTIVE,
    ASSIGNMENT_ALLOWED,
    ApplicationStatus,
    AssignmentStatus,
    CallStatus,
)
from ._common import require_perm

REVIEWABLE_CALL = (CallStatus.CLOSED, CallStatus.IN_REVIEW)


def _check_assignable(application: Application, reviewer) -> None:
    if not has_role(reviewer, StaffRole.REVIEWER):
        raise TransitionRefused(_("%(name)s is not a reviewer.") % {"name": reviewer}, "role")
    if application.status != ApplicationStatus.IN_REVIEW:
        raise TransitionRefused(
            _("Only applications screened as eligible can be reviewed."), code="not_in_review"
        )
    if application.call.status not in REVIEWABLE_CALL:
        raise TransitionRefused(_("This call is not in review."), code="call_not_in_review")


def _create(application, reviewer, due_at, actor) -> ReviewAssignment:
    from ..tasks import email_reviewer

    assignment = ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, due_at=due_at, assigned_by=actor
    )
    record_event(
        actor=actor,
        verb="review.assigned",
        obj=assignment,
        after={"reviewer": reviewer.email, "due_at": due_at.isoformat()},
    )
    transaction.on_commit(lambda: email_reviewer.enqueue(assignment.pk, "assigned"))
    return assignment


@transaction.atomic
def assignment_create(*, application_id: int, reviewer, due_at, actor) -> ReviewAssignment:
    require_perm(actor, "calls.manage_call")
    application = (
        Application.objects.select_for_update().select_related("call").get(pk=application_id)
    )
    _check_assignable(application, reviewer)
    if application.assignments.filter(reviewer=reviewer).exists():
        raise TransitionRefused(
            _("%(name)s is already assigned to this application.") % {"name": reviewer},
            code="already_assigned",
        )
    return _create(application, reviewer, due_at, actor)


@transaction.atomic
def assignments_bulk_create(*, call_id: int, reviewers: list, due_at, actor) -> int:
    """Bring every eligible application of the call up to the call's target number of
    reviews, giving each one to the least-loaded reviewer not yet on it."""
    from ..models import Call

    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    if call.status not in REVIEWABLE_CALL:
        raise TransitionRefused(_("This call is not in review."), code="call_not_in_review")
    for reviewer in reviewers:
        if not has_role(reviewer, StaffRole.REVIEWER):
            raise TransitionRefused(_("%(name)s is not a reviewer.") % {"name": reviewer}, "role")
    if not reviewers:
        raise TransitionRefused(_("Choose at least one reviewer."), code="no_reviewer")
    applications = (
        call.applications.select_for_update()
        .filter(status=ApplicationStatus.IN_REVIEW)
        .order_by("pk")
    )
    existing: dict[int, set[int]] = {}
    for app_id, reviewer_id in ReviewAssignment.objects.filter(application__call=call).values_list(
        "application_id", "reviewer_id"
    ):
        existing.setdefault(app_id, set()).add(reviewer_id)
    load = {r.pk: 0 for r in reviewers} | dict(
        ReviewAssignment.objects.filter(reviewer__in=reviewers, status__in=ASSIGNMENT_ACTIVE)
        .values_list("reviewer")
        .annotate(n=Count("id"))
        .values_list("reviewer", "n")
    )
    by_id = {r.pk: r for r in reviewers}
    created = 0
    for application in applications:
        application.call = call
        taken = existing.get(application.pk, set())
        active = len(taken)
        while active < call.target_reviews:
            candidates = [pk for pk in by_id if pk not in taken]
            if not candidates:
                break
            pick = min(candidates, key=lambda pk: (load[pk], pk))
            _create(application, by_id[pick], due_at, actor)
            taken.add(pick)
            load[pick] += 1
            active += 1
            created += 1
    return created


def _lock_own(assignment_id: int, actor) -> ReviewAssignment:
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .select_related("application__call")
        .get(pk=assignment_id)
    )
    if assignment.reviewer_id != actor.pk:
        raise PermissionRefused()
    return assignment


@transaction.atomic
def assignment_declare(*, assignment_id: int, actor, has_conflict: bool, note: str = ""):
    assignment = _lock_own(assignment_id, actor)
    target = AssignmentStatus.RECUSED if has_conflict else AssignmentStatus.ACCEPTED
    require_transition(assignment, target, ASSIGNMENT_ALLOWED)
    if has_conflict and not note.strip():
        raise TransitionRefused(_("Describe the conflict of interest."), code="note")
    before = assignment.status
    assignment.status = target
    assignment.conflict_note = note
    assignment.declared_at = timezone.now()
    assignment.save(update_fields=["status", "conflict_note", "declared_at"])
    record_event(
        actor=actor,
        verb="review.recused" if has_conflict else "review.no_conflict_declared",
        obj=assignment,
        before=before,
        after=target,
    )
    return assignment


@transaction.atomic
def review_save(
    *,
    assignment_id: int,
    actor,
    scores: dict,
    shared_comment: str = "",
    private_notes: str = "",
    submit: bool = False,
) -> ReviewAssignment:
    """scores: {criterion_id: (value or None, comment)}. A draft may leave scores empty;
    submitting needs a score within the scale for every criterion."""
    assignment = _lock_own(assignment_id, actor)
    if assignment.status == AssignmentStatus.SUBMITTED:
        raise TransitionRefused(
            _("You have already submitted this review; it cannot be changed."),
            code="already_submitted",
        )
    if assignment.status != AssignmentStatus.ACCEPTED:
        require_transition(assignment, AssignmentStatus.SUBMITTED, ASSIGNMENT_ALLOWED)
    if assignment.application.status != ApplicationStatus.IN_REVIEW:
        raise TransitionRefused(
            _("This application is not in review at the moment."), code="not_in_review"
        )
    criteria = list(assignment.application.call.criteria.all())
    for criterion in criteria:
        value, _comment = scores.get(criterion.pk, (None, ""))
        if value is not None and not (SCORE_MIN <= value <= SCORE_MAX):
            raise TransitionRefused(
                _("Scores go from %(min)d to %(max)d.") % {"min": SCORE_MIN, "max": SCORE_MAX},
                code="out_of_scale",
            )
        if submit and value is None:
            raise TransitionRefused(
                _("Score every criterion before you submit: “%(c)s” has no score.")
                % {"c": criterion.tr("title")},
                code="incomplete",
            )
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    for criterion in criteria:
        value, comment = scores.get(criterion.pk, (None, ""))
        row = existing.get(criterion.pk) or Score(assignment=assignment, criterion=criterion)
        row.value, row.comment = value, comment
        row.save()
    assignment.shared_comment = shared_comment
    assignment.private_notes = private_notes
    fields = ["shared_comment", "private_notes"]
    before = assignment.status
    if submit:
        assignment.status = AssignmentStatus.SUBMITTED
        assignment.submitted_at = timezone.now()
        fields += ["status", "submitted_at"]
    assignment.save(update_fields=fields)
    record_event(
        actor=actor,
        verb="review.submitted" if submit else "review.saved",
        obj=assignment,
        before=before,
        after={
            "status": assignment.status,
            "scores": {str(c.pk): scores.get(c.pk, (None, ""))[0] for c in criteria},
        },
    )
    return assignment


@transaction.atomic
def assignment_remind(*, assignment_id: int, actor) -> ReviewAssignment:
    from ..tasks import email_reviewer

    require_perm(actor, "calls.manage_call")
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment_id)
    if assignment.status not in ASSIGNMENT_ACTIVE:
        raise TransitionRefused(_("This review needs no reminder."), code="not_active")
    assignment.reminded_at = timezone.now()
    assignment.save(update_fields=["reminded_at"])
    record_event(actor=actor, verb="review.reminded", obj=assignment)
    transaction.on_commit(lambda: email_reviewer.enqueue(assignment.pk, "reminder"))
    return assignment


def reviewers():
    return (
        get_user_model()
        .objects.filter(groups__name=StaffRole.REVIEWER, is_active=True)
        .order_by("full_name", "email")
    )
