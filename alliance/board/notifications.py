"""Messages of the Board (alliance.notifications): meeting invitations with their calendar
file, term reminders, decisions on nominations and on Expert Network applications, and
invitations to experts who have no account yet. Also each member's meetings in their
personal calendar feed."""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alliance.notifications.registry import CalendarEntry, Guest, calendar, kind, on

from .clock import meeting_day
from .ical import meeting_invitation
from .models import BoardMember, Meeting
from .states import MeetingStatus

kind(
    "board.meetings",
    _("Board meetings"),
    description=_("Invitations to the Board's meetings, with a calendar file, and their changes."),
    # The calendar file travels only on emails sent at once, never in a digest.
    essential=True,
    order=60,
)
kind(
    "board.terms",
    _("Your term on the Board"),
    description=_("A reminder before your term on the Digital Innovation Board ends."),
    essential=True,
    order=61,
)
kind(
    "board.nominations",
    _("Nominations to the Board"),
    description=_("The BDT Director's decision on a nomination you submitted."),
    essential=True,
    order=62,
)
kind(
    "board.experts",
    _("Your Expert Network application"),
    description=_("The secretariat's decision on your application to the Expert Network."),
    essential=True,
    order=63,
)
kind(
    "board.expert_invitations",
    _("Invitations to the Expert Network"),
    essential=True,
    listed=False,
)


def _member_recipient(member: BoardMember) -> list:
    """The member's account if the seat has one, else the seat's address (a member who has
    not signed up yet), in the platform's language."""
    if member.user is not None and member.user.email:
        return [member.user]
    if member.email:
        return [Guest(member.email, settings.LANGUAGE_CODE)]
    return []


# -- Meeting invitations: one per invited member, each with their own calendar file. ------


def _invitation_file(attendance, event, user) -> list:
    content = meeting_invitation(
        attendance.meeting,
        attendee_email=user.email,
        attendee_name=attendance.member.full_name,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    method = "CANCEL" if event.verb == "meeting.invitation_cancelled" else "REQUEST"
    return [("invitation.ics", content, f"text/calendar; method={method}; charset=utf-8")]


for verb, subject in [
    ("meeting.invited", _("Invitation: %(meeting)s")),
    # The date, time, place or link changed: same UID, the next SEQUENCE.
    ("meeting.invitation_updated", _("Updated invitation: %(meeting)s")),
    # Cancelled: the same UID with METHOD:CANCEL removes the entry from their calendar.
    ("meeting.invitation_cancelled", _("Cancelled: %(meeting)s")),
]:
    on(
        verb,
        kind="board.meetings",
        recipients=lambda attendance, event: _member_recipient(attendance.member),
        subject=subject,
        subject_args=lambda attendance, event: {"meeting": str(attendance.meeting.title)},
        template="board/email/meeting_invitation.txt",
        url=lambda attendance, event: reverse(
            "board:member_meeting", kwargs={"pk": attendance.meeting_id}
        ),
        context=lambda attendance, event: {
            "member": attendance.member,
            "meeting": attendance.meeting,
            "updated": event.verb == "meeting.invitation_updated",
            "cancelled": event.verb == "meeting.invitation_cancelled",
        },
        attachments=_invitation_file,
        related=("meeting", "member__user"),
    )


on(
    "board_member.term_reminder_sent",
    kind="board.terms",
    recipients=lambda member, event: _member_recipient(member),
    subject=_("Your term on the Digital Innovation Board ends on %(date)s"),
    subject_args=lambda member, event: {"date": member.term_end.isoformat()},
    template="board/email/term_reminder.txt",
    context=lambda member, event: {"member": member},
    related=("user",),
)


# -- Decisions on nominations, to the signatory who submitted it. --------------------------

for verb in ["nomination.approved", "nomination.declined"]:
    on(
        verb,
        kind="board.nominations",
        recipients=lambda nomination, event: [nomination.submitted_by],
        subject=_("Your nomination to the Digital Innovation Board: %(status)s"),
        subject_args=lambda nomination, event: {"status": nomination.get_status_display()},
        template="board/email/nomination_decided.txt",
        url=lambda nomination, event: reverse(
            "board:nomination_detail", kwargs={"pk": nomination.pk}
        ),
        context=lambda nomination, event: {
            "nomination": nomination,
            "approved": event.verb == "nomination.approved",
        },
        related=("submitted_by", "organisation", "member"),
    )


# -- The Expert Network. -------------------------------------------------------------------

on(
    "expert.invited",
    kind="board.expert_invitations",
    # The expert has no account, so no language of their own: the inviter's.
    recipients=lambda expert, event: [
        Guest(
            expert.email,
            expert.invited_by.preferred_language if expert.invited_by else settings.LANGUAGE_CODE,
        )
    ],
    subject=_("You are invited to join the Alliance's Expert Network"),
    template="board/email/expert_invitation.txt",
    url=lambda expert, event: reverse("board:expert_apply"),
    context=lambda expert, event: {"expert": expert},
    related=("invited_by",),
)

for verb, subject in [
    ("expert.approved", _("You joined the Alliance's Expert Network")),
    ("expert.declined", _("Your application to the Alliance's Expert Network")),
]:
    on(
        verb,
        kind="board.experts",
        recipients=lambda expert, event: [expert.user] if expert.user else [],
        subject=subject,
        template="board/email/expert_decided.txt",
        url=lambda expert, event: reverse("board:expert_apply"),
        context=lambda expert, event: {
            "expert": expert,
            "approved": event.verb == "expert.approved",
        },
        related=("user",),
    )


# -- The member's calendar feed. -----------------------------------------------------------


@calendar
def board_meetings(user) -> list[CalendarEntry]:
    """The meetings held while the person sits on the Board (not the cancelled ones)."""
    seats = [(s.term_start, s.last_day) for s in BoardMember.objects.filter(user=user)]
    if not seats:
        return []
    # A day's margin: the seat's days are Geneva days, the column is in UTC.
    earliest = datetime.combine(min(start for start, _end in seats), time.min, tzinfo=UTC)
    meetings = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).filter(
        starts_at__gte=earliest - timedelta(days=1)
    )
    entries = []
    for meeting in meetings.order_by("starts_at", "pk"):
        day = meeting_day(meeting)
        if not any(start <= day and (end is None or day <= end) for start, end in seats):
            continue
        entries.append(
            CalendarEntry(
                uid=f"board-meeting-{meeting.pk}-feed",
                summary=str(meeting.title),
                start=meeting.starts_at,
                end=meeting.ends_at,
                url=reverse("board:member_meeting", kwargs={"pk": meeting.pk}),
                description=", ".join(p for p in [meeting.place, meeting.online_url] if p),
            )
        )
    return entries
