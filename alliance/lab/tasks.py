"""Emails about technical assistance requests, sent by a background task after commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from alliance.accounts.models import MembershipRole, User
from alliance.accounts.roles import StaffRole


def _subject(event: str) -> str:
    return {
        "submitted": _("New technical assistance request from %(organisation)s"),
        "triaged": _("Your technical assistance request was triaged (%(organisation)s)"),
        "assigned": _("A Lab expert was assigned to your request (%(organisation)s)"),
        "declined": _("Your technical assistance request was declined (%(organisation)s)"),
        "plan_proposed": _("The Lab proposes a plan for your request (%(organisation)s)"),
        "plan_agreed": _("The plan was agreed: the work can start (%(organisation)s)"),
        "delivered": _("The Lab delivered the assistance you requested (%(organisation)s)"),
        "closed": _("The requester closed the request and rated it (%(organisation)s)"),
    }[event]


@task()
def notify_request(request_id: int, event: str) -> None:
    from .models import TechnicalAssistanceRequest

    request = TechnicalAssistanceRequest.objects.select_related("organisation", "assigned_to").get(
        pk=request_id
    )
    if event in ("plan_agreed", "closed"):
        recipients = User.objects.filter(pk=request.assigned_to_id)
        path = reverse("lab:request_detail", kwargs={"pk": request.pk})
    elif event == "submitted":
        recipients = User.objects.filter(
            groups__name__in=[StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT]
        )
        path = reverse("lab:request_detail", kwargs={"pk": request.pk})
    else:
        recipients = User.objects.filter(
            memberships__organisation=request.organisation,
            memberships__role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
        )
        path = reverse("lab:request_detail", kwargs={"pk": request.pk})
        if event == "assigned" and request.assigned_to:
            recipients = recipients | User.objects.filter(pk=request.assigned_to.pk)
    by_language: dict[str, list[str]] = {}
    for user in recipients.distinct():
        by_language.setdefault(user.preferred_language, []).append(user.email)
    for language, emails in by_language.items():
        with translation.override(language):
            subject = _subject(event) % {"organisation": request.organisation}
            body = render_to_string(
                "lab/email/notification.txt",
                {"request": request, "subject": subject, "url": settings.SITE_URL + path},
            )
        send_mail(subject, body, None, emails)
