"""Nominations by Member States, Sector Members and Academia members."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.eligibility import membership_problem
from alliance.accounts.models import Organisation, User
from alliance.core import kernel, policy
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import Nomination
from ..permissions import NOMINATING_MEMBERSHIP
from ..states import NOMINATION_OPEN, NominationStatus
from .seats import check_no_overlap, check_term, seat_person


@transaction.atomic
def nomination_submit(
    *,
    actor: User,
    organisation: Organisation,
    nominee_name: str,
    nominee_title: str,
    nominee_email: str,
    biography: str,
    cv,
    proposed_term_start: date,
    proposed_term_end: date,
) -> Nomination:
    problem = membership_problem(organisation, allowed=list(NOMINATING_MEMBERSHIP))
    if problem:
        raise TransitionRefused(
            _(
                "%(organisation)s cannot nominate: only Member States, Sector Members and "
                "Academia members of ITU nominate Board members."
            )
            % {"organisation": organisation}
            + " "
            + problem,
            code="not_eligible_to_nominate",
        )
    nomination = Nomination(
        organisation=organisation,
        submitted_by=actor,
        nominee_name=nominee_name.strip(),
        nominee_title=nominee_title,
        nominee_email=nominee_email.strip().lower(),
        biography=biography,
        cv=cv,
        proposed_term_start=proposed_term_start,
        proposed_term_end=proposed_term_end,
    )
    if not policy.can(actor, "board.nomination.submit", nomination):
        raise PermissionRefused(
            _("Only an authorised signatory of %(organisation)s can nominate on its behalf.")
            % {"organisation": organisation}
        )
    check_term(proposed_term_start, proposed_term_end)
    if cv:
        validate_upload(cv, "cv")
    if Nomination.objects.filter(
        nominee_email__iexact=nominee_email, status__in=NOMINATION_OPEN
    ).exists():
        raise TransitionRefused(
            _("A nomination of this person is already being considered."),
            code="duplicate_nomination",
        )
    check_no_overlap(
        full_name=nominee_name,
        email=nominee_email,
        start=proposed_term_start,
        end=proposed_term_end,
    )
    return kernel.create(
        nomination, actor=actor, verb="nomination.submitted", after=NominationStatus.SUBMITTED
    )


def _lock(nomination_id: int) -> Nomination:
    return kernel.lock(Nomination, nomination_id, related=("organisation",))


@transaction.atomic
def nomination_start_review(*, nomination_id: int, actor: User) -> Nomination:
    nomination = _lock(nomination_id)
    return kernel.transition(nomination, "start_review", actor=actor, fields={"reviewed_by": actor})


@transaction.atomic
def nomination_record_eligibility(
    *, nomination_id: int, actor: User, eligible: bool, note: str
) -> Nomination:
    """The secretariat's check of eligibility, which the Director reads before deciding."""
    nomination = _lock(nomination_id)
    kernel.check(nomination, "record_eligibility", actor)
    return kernel.transition(
        nomination,
        "record_eligibility",
        actor=actor,
        fields={"eligible": eligible, "eligibility_note": note, "reviewed_by": actor},
        before={"eligible": nomination.eligible, "note": nomination.eligibility_note},
        after={"eligible": eligible, "note": note},
    )


@transaction.atomic
def nomination_approve(
    *, nomination_id: int, actor: User, term_start: date, term_end: date
) -> Nomination:
    """The Director approves: the nominee is seated for the term, in the same transaction.
    The nominating signatory is told after commit (notifications.py)."""
    nomination = _lock(nomination_id)
    kernel.check(nomination, "approve", actor)
    if nomination.eligible is not True:
        raise TransitionRefused(
            _("The secretariat has not confirmed that this nomination is eligible."),
            code="not_checked",
        )
    organisation = nomination.organisation
    # The check may have been revoked since the nomination was sent.
    problem = membership_problem(organisation, allowed=list(NOMINATING_MEMBERSHIP))
    if problem:
        raise TransitionRefused(problem, code="not_eligible_to_nominate")
    member = seat_person(
        actor=actor,
        full_name=nomination.nominee_name,
        title=nomination.nominee_title,
        email=nomination.nominee_email,
        country=organisation.country,
        organisation_name=organisation.name,
        biography=nomination.biography,
        category=NOMINATING_MEMBERSHIP[organisation.verified_membership],
        term_start=term_start,
        term_end=term_end,
        nominating_organisation=organisation,
    )
    return kernel.transition(
        nomination,
        "approve",
        actor=actor,
        fields={"member": member, "decided_by": actor, "decided_at": timezone.now()},
        after={"status": NominationStatus.APPROVED, "member": member.pk},
    )


@transaction.atomic
def nomination_decline(*, nomination_id: int, actor: User, reason: str) -> Nomination:
    nomination = _lock(nomination_id)
    kernel.check(nomination, "decline", actor)
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for declining."), code="reason_required")
    return kernel.transition(
        nomination,
        "decline",
        actor=actor,
        fields={"decision_reason": reason, "decided_by": actor, "decided_at": timezone.now()},
        after={"status": NominationStatus.DECLINED, "reason": reason},
    )


@transaction.atomic
def nomination_withdraw(*, nomination_id: int, actor: User) -> Nomination:
    nomination = _lock(nomination_id)
    return kernel.transition(nomination, "withdraw", actor=actor)
