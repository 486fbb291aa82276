"""Emails about calls, sent in the background after the change is committed."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from alliance.accounts.models import Membership, MembershipRole

SUBJECTS = {
    "submitted": _("Your application to “%(call)s” was received"),
    "screened": _("Screening of your application to “%(call)s”"),
    "more_info": _("More information is needed for your application to “%(call)s”"),
    "results": _("Results of the call “%(call)s”"),
    "closing": _("The call “%(call)s” closes soon: your application is still a draft"),
    "assigned": _("You are asked to review an application to “%(call)s”"),
    "reminder": _("Reminder: your review for “%(call)s” is due"),
}


def _send(kind: str, users, context: dict, call, url_name: str, pk: int) -> None:
    for user in users:
        # Each person gets the email, and the link, in their own language and time zone
        # (not the zone of whoever triggered it: the immediate backend runs in their request).
        with (
            translation.override(user.preferred_language or "en"),
            timezone.override(_zone_of(user)),
        ):
            url = settings.SITE_URL + reverse(url_name, kwargs={"pk": pk})
            subject = SUBJECTS[kind] % {"call": call.tr("title")}
            body = render_to_string(
                f"calls/email/{kind}.txt", {**context, "user": user, "url": url}
            )
            send_mail(str(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _zone_of(user):
    try:
        return ZoneInfo(user.time_zone) if user.time_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _managers(organisation):
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation,
            role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
        ).select_related("user")
    ]


@task()
def email_applicants(application_id: int, kind: str) -> None:
    from .models import Application

    application = Application.objects.select_related("call", "organisation").get(pk=application_id)
    _send(
        kind,
        _managers(application.organisation),
        {"application": application, "call": application.call},
        application.call,
        "calls:application_detail",
        application.pk,
    )


@task()
def email_reviewer(assignment_id: int, kind: str) -> None:
    from .models import ReviewAssignment

    assignment = ReviewAssignment.objects.select_related(
        "reviewer", "application__call", "application__organisation"
    ).get(pk=assignment_id)
    call = assignment.application.call
    _send(
        kind,
        [assignment.reviewer],
        {"assignment": assignment, "call": call},
        call,
        "calls:review",
        assignment.pk,
    )
