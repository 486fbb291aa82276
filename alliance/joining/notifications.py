"""Messages at each step of joining: to the organisation's focal points and signatories,
and to the secretariat (alliance.notifications)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.accounts.roles import StaffRole
from alliance.accounts.selectors import organisation_people, staff_in
from alliance.notifications.registry import kind, on

kind(
    "joining.updates",
    _("Joining the Alliance"),
    description=_(
        "Expressions of interest, preliminary assessments and joint declarations: each step."
    ),
    order=10,
)
kind(
    "joining.signatures",
    _("Joint declarations to sign"),
    description=_("A declaration waiting for your signature or countersignature."),
    essential=True,
    order=11,
)

DETAIL = {
    "expressionofinterest": "joining:expression_detail",
    "preliminaryassessment": "joining:assessment_detail",
    "jointdeclaration": "joining:declaration_detail",
}


def _url(obj, event):
    return reverse(DETAIL[obj._meta.model_name], kwargs={"pk": obj.pk})


def _people(obj, *roles):
    """The organisation's focal points and signatories, and the staff of `roles`."""
    return (organisation_people(obj.organisation_id) | staff_in(*roles)).distinct().order_by("pk")


def _recipients(*extra_roles):
    return lambda obj, event: _people(obj, StaffRole.SECRETARIAT, *extra_roles)


SUBJECTS = {
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
EXTRA_ROLES = {
    "assessment.submitted": [StaffRole.LAB_EXPERT],
    "declaration.signed": [StaffRole.DIRECTOR],
}
SIGNATURES = {"declaration.drafted", "declaration.signed"}

for verb, subject in SUBJECTS.items():
    on(
        verb,
        kind="joining.signatures" if verb in SIGNATURES else "joining.updates",
        recipients=_recipients(*EXTRA_ROLES.get(verb, [])),
        subject=subject,
        subject_args=lambda obj, event: {"organisation": obj.organisation},
        template="joining/email/notification.txt",
        url=_url,
        related=("organisation",),
    )
