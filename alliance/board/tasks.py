"""Emails of the Board app, sent after the transaction commits (django-tasks)."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .ical import meeting_invitation


def _language_of(member_or_user) -> str:
    user = getattr(member_or_user, "user", member_or_user)
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE


def _url(name, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


@task()
def send_meeting_invitation(attendance_id: int, updated: bool = False) -> None:
    """`updated`: the meeting moved (date, time, place or link) after members were invited."""
    from .models import Attendance

    attendance = Attendance.objects.select_related("meeting", "member__user").get(pk=attendance_id)
    member, meeting = attendance.member, attendance.meeting
    email = member.email or (member.user.email if member.user else "")
    if not email:
        return
    language = _language_of(member)
    with translation.override(language):
        context = {
            "member": member,
            "meeting": meeting,
            "url": _url("board:member_meeting", pk=meeting.pk),
            "updated": updated,
        }
        if updated:
            subject = _("Updated invitation: %(meeting)s") % {"meeting": meeting.tr("title")}
        else:
            subject = _("Invitation: %(meeting)s") % {"meeting": meeting.tr("title")}
        body = render_to_string("board/email/meeting_invitation.txt", context)
    message = EmailMessage(subject, body, None, [email])
    message.attach(
        "invitation.ics",
        meeting_invitation(
            meeting, attendee_email=email, attendee_name=member.full_name, language=language
        ),
        "text/calendar; method=REQUEST; charset=utf-8",
    )
    message.send()


@task()
def send_term_reminder(member_id: int) -> None:
    from .models import BoardMember

    member = BoardMember.objects.select_related("user").get(pk=member_id)
    email = member.email or (member.user.email if member.user else "")
    if not email:
        return
    with translation.override(_language_of(member)):
        subject = _("Your term on the Digital Innovation Board ends on %(date)s") % {
            "date": member.term_end.isoformat()
        }
        body = render_to_string("board/email/term_reminder.txt", {"member": member})
    send_mail(subject, body, None, [email])


@task()
def send_nomination_decided(nomination_id: int) -> None:
    from .models import Nomination

    nomination = Nomination.objects.select_related("submitted_by", "organisation").get(
        pk=nomination_id
    )
    with translation.override(_language_of(nomination.submitted_by)):
        subject = _("Your nomination to the Digital Innovation Board: %(status)s") % {
            "status": nomination.get_status_display()
        }
        body = render_to_string(
            "board/email/nomination_decided.txt",
            {"nomination": nomination, "url": _url("board:nomination_detail", pk=nomination.pk)},
        )
    send_mail(subject, body, None, [nomination.submitted_by.email])


@task()
def send_expert_invitation(expert_id: int) -> None:
    from .models import Expert

    expert = Expert.objects.get(pk=expert_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You are invited to join the Alliance's Expert Network")
        body = render_to_string(
            "board/email/expert_invitation.txt",
            {"expert": expert, "url": _url("board:expert_apply")},
        )
    send_mail(subject, body, None, [expert.email])
