"""Emails about centre reports, sent by a background task after commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from alliance.accounts.models import User
from alliance.accounts.roles import StaffRole


def _subject(event: str) -> str:
    return {
        "opened": _("Your centre's report is open: %(centre)s, due %(due)s"),
        "reminder_before": _("Reminder: your centre's report is due on %(due)s (%(centre)s)"),
        "reminder_after": _("Your centre's report is late: it was due on %(due)s (%(centre)s)"),
        "submitted": _("A centre submitted its report: %(centre)s"),
        "accepted": _("The Lab accepted your centre's report (%(centre)s)"),
        "changes_requested": _("The Lab asks for changes to your centre's report (%(centre)s)"),
    }[event]


@task()
def notify_report(report_id: int, event: str) -> None:
    from .models import CentreReport

    report = CentreReport.objects.select_related("centre").get(pk=report_id)
    if event == "submitted":
        recipients = User.objects.filter(groups__name=StaffRole.LAB_EXPERT)
    else:
        recipients = User.objects.filter(
            memberships__organisation_id=report.centre.host_organisation_id
        )
    path = reverse("monitoring:report_detail", kwargs={"pk": report.pk})
    by_language: dict[str, list[str]] = {}
    for user in recipients.distinct():
        by_language.setdefault(user.preferred_language, []).append(user.email)
    for language, emails in by_language.items():
        with translation.override(language):
            subject = _subject(event) % {
                "centre": report.centre.name,
                "due": report.due_date.isoformat(),
            }
            body = render_to_string(
                "monitoring/email/notification.txt",
                {"report": report, "subject": subject, "url": settings.SITE_URL + path},
            )
        send_mail(subject, body, None, emails)
