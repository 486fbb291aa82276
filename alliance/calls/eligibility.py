"""Who may apply to a call: every rule not met comes back as a translated reason."""

from django.utils.translation import gettext as _

from alliance.accounts.eligibility import membership_problem
from alliance.core.models import Country
from alliance.joining.selectors import organisation_has_declaration_in_force

from .models import WhoMayApply


def eligibility_problems(*, call, organisation) -> list[str]:
    problems = []
    region_ids = {r.pk for r in call.regions.all()}
    if region_ids:
        country = Country.objects.filter(code=organisation.country).first()
        if country is None or country.region_id not in region_ids:
            problems.append(
                _("This call is open to organisations in these ITU-D regions only: %(regions)s.")
                % {"regions": ", ".join(str(r.name) for r in call.regions.all())}
            )
    if call.who_may_apply == WhoMayApply.ITU_MEMBERS and not organisation.is_itu_member:
        problems.append(membership_problem(organisation))
    if (
        call.who_may_apply == WhoMayApply.JOINT_DECLARATION
        and not organisation_has_declaration_in_force(organisation)
    ):
        problems.append(
            _(
                "This call is open to organisations with a joint declaration with BDT in force. "
                "Your organisation has none yet."
            )
        )
    return problems
