"""Emails about centres, sent by background tasks after the change commits."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from alliance.accounts.roles import StaffRole

SUBJECTS = {
    "accredited": lambda: _("Your centre is accredited"),
    "suspended": lambda: _("Your centre's accreditation is suspended"),
    "reinstated": lambda: _("Your centre's accreditation is reinstated"),
    "revoked": lambda: _("Your centre's accreditation is revoked"),
    "expired": lambda: _("Your centre's accreditation has expired"),
    "reminder": lambda: _("Your centre's accreditation ends soon: time to prepare its renewal"),
    "renewed": lambda: _("Your centre's accreditation is renewed"),
    "lapsed": lambda: _("Your centre's accreditation will not be renewed"),
    "moved": lambda: _("Your centre has moved to another type"),
}


def _recipients(centre, include_secretariat: bool) -> list[tuple[str, str]]:
    from .permissions import MANAGER_ROLES

    people = [
        (m.user.email, m.user.preferred_language)
        for m in centre.host_organisation.memberships.filter(role__in=MANAGER_ROLES).select_related(
            "user"
        )
    ]
    if include_secretariat:
        staff = get_user_model().objects.filter(groups__name=StaffRole.SECRETARIAT.value)
        people += [(u.email, u.preferred_language) for u in staff]
    return people


@task()
def email_centre(centre_id: int, kind: str, accreditation_id: int | None = None, days: int = 0):
    from django.conf import settings

    from .models import Accreditation, Centre

    centre = Centre.objects.select_related("host_organisation", "centre_type").get(pk=centre_id)
    accreditation = Accreditation.objects.filter(pk=accreditation_id).first()
    for email, language in _recipients(centre, include_secretariat=kind == "reminder"):
        with translation.override(language):
            body = render_to_string(
                "centres/email/notice.txt",
                {
                    "centre": centre,
                    "kind": kind,
                    "accreditation": accreditation,
                    "days": days,
                    "site_url": settings.SITE_URL,
                },
            )
            subject = str(SUBJECTS[kind]())
        send_mail(subject, body, None, [email])
