"""Seats and terms: designation, seating, renewal, ending, reminders."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.accounts.roles import StaffRole
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from ..clock import board_today
from ..models import DESIGNATED_CATEGORIES, BoardMember, BoardRole
from ..selectors import members_on, overlapping, overlapping_seats
from ..states import SEAT, SeatStatus


def _snapshot(member: BoardMember) -> dict:
    return {
        "role": member.role,
        "status": member.status,
        "term_start": member.term_start.isoformat(),
        "term_end": member.term_end.isoformat() if member.term_end else None,
        "ended_on": member.ended_on.isoformat() if member.ended_on else None,
    }


def check_term(start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise TransitionRefused(_("The term cannot end before it starts."), code="invalid_term")


def check_no_overlap(*, full_name: str, email: str, start: date, end: date | None, exclude=None):
    seats = overlapping_seats(full_name=full_name, email=email, start=start, end=end)
    if exclude is not None:
        seats = seats.exclude(pk=exclude)
    clash = seats.first()
    if clash is not None:
        raise TransitionRefused(
            _(
                "%(name)s already holds a seat on the Board from %(start)s to %(end)s; "
                "one person cannot hold two seats at the same time."
            )
            % {
                "name": clash.full_name,
                "start": clash.term_start.isoformat(),
                "end": clash.last_day.isoformat() if clash.last_day else "—",
            },
            code="overlapping_seat",
        )


def _sync_board_group(user: User | None) -> None:
    """Keep the board_member group in step with the seats a user holds today."""
    if user is None:
        return
    group, _created = Group.objects.get_or_create(name=StaffRole.BOARD_MEMBER.value)
    if members_on(board_today()).filter(user=user).exists():
        user.groups.add(group)
    else:
        user.groups.remove(group)


def seat_person(
    *,
    actor: User,
    full_name: str,
    title: str,
    category: str,
    term_start: date,
    term_end: date | None,
    email: str = "",
    country: str = "",
    organisation_name: str = "",
    biography: str = "",
    role: str = BoardRole.MEMBER,
    nominating_organisation=None,
) -> BoardMember:
    """Create the seat (used by a designation and by an approved nomination)."""
    check_term(term_start, term_end)
    check_no_overlap(full_name=full_name, email=email, start=term_start, end=term_end)
    if role == BoardRole.CO_CHAIR:
        raise TransitionRefused(
            _("Co-chairs are elected by the Board at a meeting, not appointed."),
            code="co_chairs_elected",
        )
    if role == BoardRole.CHAIR:
        chairs = BoardMember.objects.filter(role=BoardRole.CHAIR)
        if overlapping(chairs, term_start, term_end).exists():
            raise TransitionRefused(
                _("The Board already has a Chair for this period."), code="chair_taken"
            )
    user = User.objects.filter(email__iexact=email).first() if email else None
    member = BoardMember(
        full_name=full_name.strip(),
        title=title,
        email=email.strip().lower(),
        country=country,
        organisation_name=organisation_name,
        biography=biography,
        category=category,
        role=role,
        term_start=term_start,
        term_end=term_end,
        nominating_organisation=nominating_organisation,
        user=user,
        appointed_by=actor,
    )
    member.full_clean(exclude=["user", "appointed_by", "nominating_organisation"])
    kernel.create(member, actor=actor, verb="board_member.seated", after=_snapshot(member))
    _sync_board_group(user)
    return member


@transaction.atomic
def member_designate(*, actor: User, category: str, **fields) -> BoardMember:
    """The Director designates an eminent leader, expert or partner representative."""
    policy.require(actor, "board.seat.designate")
    if category not in DESIGNATED_CATEGORIES:
        raise TransitionRefused(
            _("Only leaders, experts and partner representatives are designated."),
            code="invalid_category",
        )
    member = seat_person(actor=actor, category=category, **fields)
    kernel.record(member, actor=actor, verb="board_member.designated")
    return member


def _apply(member: BoardMember, changes: dict) -> dict:
    """Set the changes on the locked row (so that checks and snapshots see them) and return
    them for the kernel, which saves exactly these columns."""
    for name, value in changes.items():
        setattr(member, name, value)
    return changes


@transaction.atomic
def member_renew(*, member_id: int, actor: User, term_end: date) -> BoardMember:
    member = kernel.lock(BoardMember, member_id)
    kernel.check(member, "renew", actor)
    if member.term_end is not None and term_end <= member.term_end:
        raise TransitionRefused(
            _("A renewal must end after the current term (%(date)s).")
            % {"date": member.term_end.isoformat()},
            code="invalid_term",
        )
    check_term(member.term_start, term_end)
    check_no_overlap(
        full_name=member.full_name,
        email=member.email,
        start=member.term_start,
        end=term_end,
        exclude=member.pk,
    )
    before = _snapshot(member)
    changes = _apply(member, {"term_end": term_end, "reminder_sent_at": None})
    return kernel.transition(
        member, "renew", actor=actor, fields=changes, before=before, after=_snapshot(member)
    )


@transaction.atomic
def member_end(
    *, member_id: int, actor: User, ended_on: date, reason: str = "", resigned: bool = False
) -> BoardMember:
    """End a seat early (resignation, replacement). Past members keep their history."""
    member = kernel.lock(BoardMember, member_id, related=("user",))
    action = "resign" if resigned else "end"
    kernel.check(member, action, actor)
    if ended_on < member.term_start:
        raise TransitionRefused(
            _("The last day cannot be before the term started (%(date)s).")
            % {"date": member.term_start.isoformat()},
            code="invalid_term",
        )
    if member.term_end is not None and ended_on > member.term_end:
        raise TransitionRefused(
            _("The last day cannot be after the end of the term (%(date)s).")
            % {"date": member.term_end.isoformat()},
            code="invalid_term",
        )
    before = _snapshot(member)
    changes = _apply(member, {"ended_on": ended_on, "end_reason": reason, "role": _demoted(member)})
    after = {**_snapshot(member), "status": SEAT.action(action).target}
    kernel.transition(member, action, actor=actor, fields=changes, before=before, after=after)
    _sync_board_group(member.user)
    return member


def _demoted(member: BoardMember) -> str:
    """A co-chair who leaves the Board is no longer a co-chair."""
    return BoardRole.MEMBER if member.role == BoardRole.CO_CHAIR else member.role


def expire_terms(*, today: date) -> int:
    """Move seats whose term is over to the past members. Idempotent: each seat is locked
    and checked again, so two runs never end a seat twice."""
    ended = 0
    due = BoardMember.objects.filter(status=SeatStatus.ACTIVE, term_end__lt=today)
    for member_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            try:
                member = kernel.lock(due, member_id, related=("user",))
            except BoardMember.DoesNotExist:
                continue  # ended meanwhile (another run, or the secretariat)
            # Pages and checks already read the seat as ended; this records it.
            if kernel.settle(member):
                _sync_board_group(member.user)
                ended += 1
    return ended


def send_term_reminders(*, today: date, days_ahead: int = 60) -> int:
    """Remind members whose term ends within `days_ahead` days, once per term (a renewal
    clears `reminder_sent_at`). The reminder goes out after its row is committed."""
    sent = 0
    due = BoardMember.objects.filter(
        status=SeatStatus.ACTIVE,
        reminder_sent_at__isnull=True,
        term_end__gte=today,
        term_end__lte=today + timedelta(days=days_ahead),
    )
    for member_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            try:
                member = kernel.lock(due, member_id)
            except BoardMember.DoesNotExist:
                continue  # reminded meanwhile by another run
            kernel.transition(
                member, "remind", actor=None, fields={"reminder_sent_at": timezone.now()}
            )
            sent += 1
    return sent


@transaction.atomic
def link_account(*, user: User) -> int:
    """Link seats recorded under this (verified) email address to the account, so that
    a member who signs up after being seated finds the members' area."""
    if not user.email:
        return 0
    seats = kernel.lock_rows(
        BoardMember.objects.filter(user__isnull=True, email__iexact=user.email)
    )
    for member in seats:
        kernel.transition(member, "link_account", actor=user, fields={"user": user})
    if seats:
        _sync_board_group(user)
    return len(seats)


DETAIL_FIELDS = ["full_name", "title", "email", "country", "organisation_name", "biography"]


@transaction.atomic
def member_update(*, member_id: int, actor: User, **fields) -> BoardMember:
    """Correct a member's details (a minister's new portfolio, a new address). The term,
    role and status change only through their own services."""
    member = kernel.lock(BoardMember, member_id, related=("user",))
    kernel.check(member, "edit", actor)
    unknown = set(fields) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"member_update cannot change {sorted(unknown)}")
    before = {f: str(getattr(member, f)) for f in fields}
    check_no_overlap(
        full_name=fields.get("full_name", member.full_name),
        email=fields.get("email", member.email),
        start=member.term_start,
        end=member.last_day,
        exclude=member.pk,
    )
    changes = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "email" in changes:
        changes["email"] = changes["email"].lower()
    old_user = None
    if "email" in changes and member.user and member.user.email.lower() != changes["email"]:
        # The account belonged to the old address; the new one is linked at its sign-in.
        old_user, changes["user"] = member.user, None
    _apply(member, changes)
    member.full_clean(exclude=["user", "appointed_by", "nominating_organisation"])
    kernel.transition(
        member,
        "edit",
        actor=actor,
        fields=changes,
        before=before,
        after={f: str(getattr(member, f)) for f in fields},
    )
    _sync_board_group(old_user)
    return member
