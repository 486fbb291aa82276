"""Nominations by Member States, Sector Members and Academia members."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..models import Nomination
from ..permissions import (
    NOMINATING_MEMBERSHIP,
    is_signatory_of,
    require_appoint,
    require_manage,
)
from ..states import NOMINATION_ALLOWED, NOMINATION_OPEN, NominationStatus
from ..tasks import send_nomination_decided
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
    if organisation.itu_membership not in NOMINATING_MEMBERSHIP:
        raise TransitionRefused(
            _(
                "%(organisation)s cannot nominate: only Member States, Sector Members and "
                "Academia members of ITU nominate Board members."
            )
            % {"organisation": organisation},
            code="not_eligible_to_nominate",
        )
    if not is_signatory_of(actor, organisation):
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
    nomination = Nomination.objects.create(
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
    record_event(
        actor=actor, verb="nomination.submitted", obj=nomination, after=NominationStatus.SUBMITTED
    )
    return nomination


def _lock(nomination_id: int) -> Nomination:
    return (
        Nomination.objects.select_for_update().select_related("organisation").get(pk=nomination_id)
    )


@transaction.atomic
def nomination_start_review(*, nomination_id: int, actor: User) -> Nomination:
    require_manage(actor)
    nomination = _lock(nomination_id)
    require_transition(nomination, NominationStatus.UNDER_REVIEW, NOMINATION_ALLOWED)
    before = nomination.status
    nomination.status = NominationStatus.UNDER_REVIEW
    nomination.reviewed_by = actor
    nomination.save(update_fields=["status", "reviewed_by"])
    record_event(
        actor=actor,
        verb="nomination.review_started",
        obj=nomination,
        before=before,
        after=nomination.status,
    )
    return nomination


@transaction.atomic
def nomination_record_eligibility(
    *, nomination_id: int, actor: User, eligible: bool, note: str
) -> Nomination:
    """The secretariat's check of eligibility, which the Director reads before deciding."""
    require_manage(actor)
    nomination = _lock(nomination_id)
    if nomination.status != NominationStatus.UNDER_REVIEW:
        raise TransitionRefused(
            _("Eligibility is checked while the nomination is under review."),
            code="invalid_transition",
        )
    before = {"eligible": nomination.eligible, "note": nomination.eligibility_note}
    nomination.eligible, nomination.eligibility_note = eligible, note
    nomination.reviewed_by = actor
    nomination.save(update_fields=["eligible", "eligibility_note", "reviewed_by"])
    record_event(
        actor=actor,
        verb="nomination.eligibility_recorded",
        obj=nomination,
        before=before,
        after={"eligible": eligible, "note": note},
    )
    return nomination


@transaction.atomic
def nomination_approve(
    *, nomination_id: int, actor: User, term_start: date, term_end: date
) -> Nomination:
    """The Director approves: the nominee is seated for the term, in the same transaction."""
    require_appoint(actor)
    nomination = _lock(nomination_id)
    require_transition(nomination, NominationStatus.APPROVED, NOMINATION_ALLOWED)
    if nomination.eligible is not True:
        raise TransitionRefused(
            _("The secretariat has not confirmed that this nomination is eligible."),
            code="not_checked",
        )
    organisation = nomination.organisation
    member = seat_person(
        actor=actor,
        full_name=nomination.nominee_name,
        title=nomination.nominee_title,
        email=nomination.nominee_email,
        country=organisation.country,
        organisation_name=organisation.name,
        biography=nomination.biography,
        category=NOMINATING_MEMBERSHIP[organisation.itu_membership],
        term_start=term_start,
        term_end=term_end,
        nominating_organisation=organisation,
    )
    before = nomination.status
    nomination.status = NominationStatus.APPROVED
    nomination.member = member
    nomination.decided_by, nomination.decided_at = actor, timezone.now()
    nomination.save(update_fields=["status", "member", "decided_by", "decided_at"])
    record_event(
        actor=actor,
        verb="nomination.approved",
        obj=nomination,
        before=before,
        after={"status": nomination.status, "member": member.pk},
    )
    transaction.on_commit(lambda: send_nomination_decided.enqueue(nomination.pk))
    return nomination


@transaction.atomic
def nomination_decline(*, nomination_id: int, actor: User, reason: str) -> Nomination:
    require_appoint(actor)
    nomination = _lock(nomination_id)
    require_transition(nomination, NominationStatus.DECLINED, NOMINATION_ALLOWED)
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for declining."), code="reason_required")
    before = nomination.status
    nomination.status = NominationStatus.DECLINED
    nomination.decision_reason = reason
    nomination.decided_by, nomination.decided_at = actor, timezone.now()
    nomination.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    record_event(
        actor=actor,
        verb="nomination.declined",
        obj=nomination,
        before=before,
        after={"status": nomination.status, "reason": reason},
    )
    transaction.on_commit(lambda: send_nomination_decided.enqueue(nomination.pk))
    return nomination


@transaction.atomic
def nomination_withdraw(*, nomination_id: int, actor: User) -> Nomination:
    nomination = _lock(nomination_id)
    if not is_signatory_of(actor, nomination.organisation):
        raise PermissionRefused(_("Only an authorised signatory of the organisation can do this."))
    require_transition(nomination, NominationStatus.WITHDRAWN, NOMINATION_ALLOWED)
    before = nomination.status
    nomination.status = NominationStatus.WITHDRAWN
    nomination.save(update_fields=["status"])
    record_event(
        actor=actor, verb="nomination.withdrawn", obj=nomination, before=before, after="withdrawn"
    )
    return nomination
