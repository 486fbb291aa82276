"""Who may do what on the Board (alliance.core.policy).

The secretariat runs the Board (`board.manage_board`), the BDT Director appoints
(`board.appoint_board_member`); both permissions are granted to the staff-role groups in
accounts/roles.py and migration 0003. Nominations belong to the nominating organisation's
authorised signatory. Board papers are for the members seated today.
"""

from django.utils.translation import gettext_lazy as _
from rules import predicate

from alliance.accounts.policy import capability, signatory, signed_in
from alliance.core.policy import rule

from .clock import board_today
from .models import BoardMember, seated_on

MANAGE_ONLY = _("Only the Board secretariat can do this.")
APPOINT_ONLY = _("Only the BDT Director can do this.")
SIGNATORY_ONLY = _("Only an authorised signatory of the organisation can do this.")

manages_board = capability("board.manage_board")
appoints = capability("board.appoint_board_member")


def is_current_member(user, on=None) -> bool:
    """Holds a seat today (or on the day `on`), whatever the nightly command has done yet."""
    if not signed_in(user):
        return False
    return BoardMember.objects.filter(seated_on(on or board_today()), user=user).exists()


@predicate
def current_member(user) -> bool:
    return is_current_member(user)


def _same_address(user, email: str) -> bool:
    return bool(signed_in(user) and email and email.lower() == user.email.lower())


@predicate
def seat_address_is_theirs(user, seat) -> bool:
    # Sign-in needs a verified address, so the seat's address is proven to be this person's.
    return seat is not None and _same_address(user, seat.email)


@predicate
def invited_expert(user, expert) -> bool:
    return expert is not None and _same_address(user, expert.email)


@predicate
def own_expert_profile(user, expert) -> bool:
    return signed_in(user) and expert is not None and expert.user_id == user.pk


# Pages of the secretariat and of the Director.
rule("board.manage", manages_board, message=MANAGE_ONLY)
rule("board.appoint", appoints, message=APPOINT_ONLY)
# The members' area: meetings and their papers.
rule("board.papers", manages_board | current_member)

rule("board.seat.manage", manages_board, message=MANAGE_ONLY)
rule("board.seat.appoint", appoints, message=APPOINT_ONLY)
rule("board.seat.designate", appoints, message=APPOINT_ONLY)
rule("board.seat.claim", seat_address_is_theirs)

rule("board.nomination.submit", signatory("organisation_id"), message=SIGNATORY_ONLY)
rule("board.nomination.review", manages_board, message=MANAGE_ONLY)
rule("board.nomination.decide", appoints, message=APPOINT_ONLY)
rule("board.nomination.withdraw", signatory("organisation_id"), message=SIGNATORY_ONLY)

rule("board.meeting.manage", manages_board, message=MANAGE_ONLY)
rule("board.decision.manage", manages_board, message=MANAGE_ONLY)

rule("board.expert.invite", manages_board, message=MANAGE_ONLY)
rule("board.expert.decide", manages_board, message=MANAGE_ONLY)
rule("board.expert.apply", invited_expert)
rule("board.expert.leave", own_expert_profile | manages_board, message=MANAGE_ONLY)
