"""Board meeting invitations as iCalendar files (alliance/core/ical.py): a cancelled
meeting is sent as METHOD:CANCEL so calendar programs remove the entry."""

from django.utils import translation
from django.utils.translation import gettext as _

from alliance.core import ical
from alliance.core.site import site_host

from .states import MeetingStatus


def meeting_uid(meeting) -> str:
    return f"board-meeting-{meeting.pk}@{site_host()}"


def meeting_invitation(meeting, *, attendee_email: str, attendee_name: str, language: str) -> bytes:
    """A METHOD:REQUEST invitation (METHOD:CANCEL once the meeting is cancelled) that
    calendar programs add to, update in or remove from the member's calendar."""
    cancelled = meeting.status == MeetingStatus.CANCELLED
    with translation.override(language):
        return ical.invitation(
            prodid="-//Alliance Hub//Digital Innovation Board//EN",
            uid=meeting_uid(meeting),
            sequence=meeting.sequence,
            cancelled=cancelled,
            summary=str(meeting.title.text(language)),
            description=(
                _("This meeting of the Digital Innovation Board is cancelled.")
                if cancelled
                else None
            ),
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            time_zone=meeting.time_zone,
            places=[meeting.place, meeting.online_url],
            url=meeting.online_url,
            organizer_name=_("Digital Innovation Board secretariat"),
            attendee_email=attendee_email,
            attendee_name=attendee_name,
            rsvp=not cancelled,
        )
