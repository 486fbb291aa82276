"""Emails at each step of joining, sent by a background task after the change commits:
to the organisation's focal points and signatories, and to the secretariat."""

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from alliance.accounts.models import MembershipRole, User
from alliance.accounts.roles import StaffRole


def _subjects() -> dict[str, str]:
    return {
        "expression.submitted": _("Expression of interest submitted: %(organisation)s"),
        "expression.acknowledged": _("Expression of interest acknowledged: %(organisation)s"),
        "expression.declined": _("Expression of interest declined: %(organisation)s"),
        "assessment.started": _("Preliminary assessment opened: %(organisation)s"),
        "assessment.submitted": _("Preliminary assessment submitted: %(organisation)s"),
        "assessment.in_review": _("Preliminary assessment in review: %(organisation)s"),
        "assessment.completed": _("Preliminary assessment completed: %(organisation)s"),
        "declaration.drafted": _("Joint declaration ready to sign: %(organisation)s"),
        "declaration.signed": _("Joint declaration signed, to countersign: %(organisation)s"),
        "declaration.countersigned": _("Joint declaration in force: %(organisation)s"),
        "declaration.withdrawn": _("Joint declaration withdrawn: %(organisation)s"),
    }


URL_NAME = {
    "expressionofinterest": "joining:expression_detail",
    "preliminaryassessment": "joining:assessment_detail",
    "jointdeclaration": "joining:declaration_detail",
}
EXTRA_ROLES = {
    "assessment.submitted": [StaffRole.LAB_EXPERT],
    "declaration.signed": [StaffRole.DIRECTOR],
}


def recipients(organisation, event: str):
    roles = [StaffRole.SECRETARIAT, *EXTRA_ROLES.get(event, [])]
    organisation_people = User.objects.filter(
        memberships__organisation=organisation,
        memberships__role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    )
    staff = User.objects.filter(groups__name__in=roles)
    return (organisation_people | staff).filter(is_active=True).distinct()


@task()
def notify(model_name: str, pk: int, event: str) -> None:
    obj = apps.get_model("joining", model_name).objects.select_related("organisation").get(pk=pk)
    path = reverse(URL_NAME[model_name], kwargs={"pk": pk})
    by_language: dict[str, list[str]] = {}
    for user in recipients(obj.organisation, event):
        by_language.setdefault(user.preferred_language, []).append(user.email)
    for language, emails in sorted(by_language.items()):
        with translation.override(language):
            subject = _subjects()[event] % {"organisation": obj.organisation}
            body = render_to_string(
                "joining/email/notification.txt",
                {"obj": obj, "subject": subject, "url": settings.SITE_URL + path},
            )
        send_mail(subject, body, None, sorted(emails))
