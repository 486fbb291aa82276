"""The Director's decision on each application."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.centres.services import centre_from_application
from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import Application
from ..selectors import ranking_for_call
from ..states import ApplicationStatus, AssignmentStatus, CallStatus


def departs_from_ranking(application: Application, selected: bool, ranking: dict) -> bool:
    """Selecting below a declined application, or declining above a selected one."""
    mine = ranking.get(application.pk)
    if mine is None:
        return False
    others = application.call.applications.exclude(pk=application.pk).filter(
        status=ApplicationStatus.NOT_SELECTED if selected else ApplicationStatus.SELECTED
    )
    for other_pk in others.values_list("pk", flat=True):
        other = ranking.get(other_pk)
        if other is None:
            continue
        if selected and other.rank < mine.rank:
            return True
        if not selected and other.rank > mine.rank:
            return True
    return False


@transaction.atomic
def application_decide(
    *, application_id: int, actor, selected: bool, rationale: str, justification: str = ""
) -> Application:
    """Select or decline one application; a selected application becomes a centre in
    design in the same transaction (the network of centres)."""
    # The application's row only: decisions on the other applications of the call go on
    # at the same time. Calls rows are locked before centres rows (LOCK_ORDER).
    application = kernel.lock(Application, application_id, related=("call",))
    action = "select" if selected else "decline"
    kernel.check(application, action, actor)
    if application.call.status != CallStatus.IN_REVIEW:
        raise TransitionRefused(_("This call is not in review."), code="call_not_in_review")
    if not rationale.strip():
        raise TransitionRefused(_("Give the rationale of the decision."), code="rationale")
    if not application.assignments.filter(status=AssignmentStatus.SUBMITTED).exists():
        raise TransitionRefused(
            _("This application has no submitted review yet; it cannot be decided."),
            code="not_reviewed",
        )
    ranking = ranking_for_call(application.call)
    if departs_from_ranking(application, selected, ranking) and not justification.strip():
        raise TransitionRefused(
            _(
                "This decision departs from the ranking. Write a justification for departing "
                "from it."
            ),
            code="justification",
        )
    target = ApplicationStatus.SELECTED if selected else ApplicationStatus.NOT_SELECTED
    kernel.transition(
        application,
        action,
        actor=actor,
        fields={
            "decision_rationale": rationale,
            "departure_justification": justification,
            "decided_by": actor,
            "decided_at": timezone.now(),
        },
        after={"status": target, "rationale": rationale, "justification": justification},
    )
    if selected:
        centre_from_application(actor=actor, application=application)
    return application
