"""Writes on reviews: assign (one or in bulk), declare conflicts, score, remind."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from .. import selectors
from ..models import SCORE_MAX, SCORE_MIN, Application, Call, ReviewAssignment, Score
from ..states import ASSIGNMENT_ACTIVE, CALL_REVIEWABLE, ApplicationStatus, AssignmentStatus


def _require_reviewer(reviewer) -> None:
    if not policy.can(reviewer, "calls.reviewer"):
        raise TransitionRefused(_("%(name)s is not a reviewer.") % {"name": reviewer}, "role")


def _require_call_in_review(call: Call) -> None:
    if kernel.state(call) not in CALL_REVIEWABLE:
        raise TransitionRefused(_("This call is not in review."), code="call_not_in_review")


def _create(application, reviewer, due_at, actor) -> ReviewAssignment:
    assignment = ReviewAssignment(
        application=application, reviewer=reviewer, due_at=due_at, assigned_by=actor
    )
    return kernel.create(
        assignment,
        actor=actor,
        verb="review.assigned",
        after={"reviewer": reviewer.email, "due_at": due_at.isoformat()},
    )


@transaction.atomic
def assignment_create(*, application_id: int, reviewer, due_at, actor) -> ReviewAssignment:
    application = kernel.lock(Application, application_id, related=("call",))
    kernel.check(application, "assign_reviewer", actor)
    _require_reviewer(reviewer)
    _require_call_in_review(application.call)
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
    call = kernel.lock(Call, call_id)
    kernel.check(call, "assign_reviewers", actor)
    for reviewer in reviewers:
        _require_reviewer(reviewer)
    if not reviewers:
        raise TransitionRefused(_("Choose at least one reviewer."), code="no_reviewer")
    applications = kernel.lock_rows(call.applications.filter(status=ApplicationStatus.IN_REVIEW))
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
    assignment = kernel.lock(ReviewAssignment, assignment_id, related=("application__call",))
    policy.require(actor, "calls.assignment.review", assignment)
    return assignment


@transaction.atomic
def assignment_declare(*, assignment_id: int, actor, has_conflict: bool, note: str = ""):
    assignment = _lock_own(assignment_id, actor)
    action = "recuse" if has_conflict else "declare_no_conflict"
    kernel.check(assignment, action, actor)
    if has_conflict and not note.strip():
        raise TransitionRefused(_("Describe the conflict of interest."), code="note")
    return kernel.transition(
        assignment,
        action,
        actor=actor,
        fields={"conflict_note": note, "declared_at": timezone.now()},
    )


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
    action = "submit" if submit else "save"
    kernel.check(assignment, action, actor)
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
                % {"c": str(criterion.title)},
                code="incomplete",
            )
    # The scores belong to the review: its one event below records them.
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    for criterion in criteria:
        value, comment = scores.get(criterion.pk, (None, ""))
        row = existing.get(criterion.pk) or Score(assignment=assignment, criterion=criterion)
        row.value, row.comment = value, comment
        row.save()
    fields = {"shared_comment": shared_comment, "private_notes": private_notes}
    if submit:
        fields["submitted_at"] = timezone.now()
    before = assignment.status
    return kernel.transition(
        assignment,
        action,
        actor=actor,
        fields=fields,
        before=before,
        after={
            "status": AssignmentStatus.SUBMITTED if submit else before,
            "scores": {str(c.pk): scores.get(c.pk, (None, ""))[0] for c in criteria},
        },
    )


@transaction.atomic
def assignment_remind(*, assignment_id: int, actor) -> ReviewAssignment:
    assignment = kernel.lock(ReviewAssignment, assignment_id)
    return kernel.transition(
        assignment, "remind", actor=actor, fields={"reminded_at": timezone.now()}
    )


def reviewers():
    return selectors.reviewers()
