"""Who may do what in monitoring (alliance.core.policy): the Lab (Lab experts and the
secretariat) keeps the catalogue and reviews reports; the Director reads; the members of a
centre's host organisation fill its reports and write its lessons."""

import rules
from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import capability, signed_in
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

# Staff capabilities, granted to the staff-role groups (migration 0003 does it in the database).
LAB = ["view_all_reports", "review_report", "manage_indicators", "moderate_lessons"]
GRANTS = {
    StaffRole.SECRETARIAT: LAB,
    StaffRole.LAB_EXPERT: LAB,
    StaffRole.DIRECTOR: ["view_all_reports"],
}
register_grants("monitoring", GRANTS)

LAB_ONLY = _("Only a Lab expert or the secretariat can do this.")


def _host_organisation_id(obj):
    """The host organisation of the centre `obj` is, or belongs to (None without one)."""
    centre = getattr(obj, "centre", obj) if obj is not None else None
    return getattr(centre, "host_organisation_id", None)


@rules.predicate
def centre_member(user, obj) -> bool:
    """A member of the centre's host organisation, in any role: they run the centre."""
    if not signed_in(user):
        return False
    organisation = _host_organisation_id(obj)
    return organisation is not None and organisation in user.organisation_roles()


@rules.predicate
def is_author(user, lesson) -> bool:
    return signed_in(user) and lesson is not None and lesson.author_id == user.pk


staff = capability("monitoring.view_all_reports")
manages_indicators = capability("monitoring.manage_indicators")
moderates = capability("monitoring.moderate_lessons")

rule("monitoring.staff", staff)
rule("monitoring.indicator.manage", manages_indicators, message=LAB_ONLY)
rule("monitoring.schedule.set", manages_indicators, message=LAB_ONLY)
rule(
    "monitoring.centre_indicator.set",
    manages_indicators | centre_member,
    message=_("Only the Lab or the centre's managers can do this."),
)
rule(
    "monitoring.report.fill",
    centre_member,
    message=_("Only a member of the host organisation can do this."),
)
rule("monitoring.report.decide", capability("monitoring.review_report"), message=LAB_ONLY)
rule("monitoring.lesson.moderate", moderates, message=LAB_ONLY)
rule(
    "monitoring.lesson.create",
    moderates | centre_member,
    message=_("Only the Lab or a centre's managers can publish lessons."),
)
rule(
    "monitoring.lesson.submit",
    is_author,
    message=_("Only the lesson's author can send it for review."),
)
rule(
    "monitoring.lesson.change",
    moderates | is_author,
    message=_("Only the Lab or the lesson's author can do this."),
)
