"""Why an organisation does not count as an ITU member, in words its people can act on.

Calls for ITU members, Board nominations and the centres (which are mainly for ITU
Members) all read the secretariat's check (`Organisation.verified_membership`), never what
the organisation declares about itself."""

from django.utils.translation import gettext as _

from .models import ItuMembership, ItuVerification, Organisation


def membership_problem(organisation: Organisation, allowed=None) -> str | None:
    """None when the organisation's verified membership is one of `allowed` (default: any
    category); otherwise the reason, which says what to do next."""
    verified = organisation.verified_membership
    if verified is not None and (allowed is None or verified in allowed):
        return None
    if verified is not None:
        return _(
            "This is open to %(allowed)s only; %(organisation)s is verified as %(category)s."
        ) % {
            "allowed": ", ".join(str(ItuMembership(c).label) for c in allowed),
            "organisation": organisation,
            "category": ItuMembership(verified).label,
        }
    if organisation.itu_status == ItuVerification.PENDING:
        return _(
            "This is open to ITU members whose membership the secretariat has verified. "
            "The secretariat has not finished checking %(organisation)s yet."
        ) % {"organisation": organisation}
    return _(
        "This is open to ITU members whose membership the secretariat has verified. "
        "The ITU membership of %(organisation)s is not verified: its focal point can ask "
        "for a check on the organisation's page."
    ) % {"organisation": organisation}
