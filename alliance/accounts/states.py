"""The lifecycle of an invitation to join an organisation."""

from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Machine

from .models import InvitationStatus, ItuVerification, JoinRequestStatus

I = InvitationStatus  # noqa: E741
INVITATION = Machine(
    "accounts.Invitation",
    InvitationStatus,
    {
        "accept": Action(
            [I.PENDING], I.ACCEPTED, "invitation.accepted", "accounts.invitation.accept"
        ),
        "revoke": Action(
            [I.PENDING],
            I.REVOKED,
            "invitation.revoked",
            "accounts.invitation.revoke",
            refused=_("Only a pending invitation can be revoked."),
        ),
    },
)


# Whether the secretariat has checked an organisation's ITU membership against ITU's list.
V = ItuVerification
ITU_CHECK = Machine(
    "accounts.Organisation",
    ItuVerification,
    {
        "request_check": Action(
            [V.UNVERIFIED],
            V.PENDING,
            "organisation.check_requested",
            "accounts.organisation.manage",
            refused=_("The secretariat has this organisation's membership already."),
            refused_code="already_requested",
        ),
        "verify": Action(
            [V.UNVERIFIED, V.PENDING],
            V.VERIFIED,
            "organisation.membership_verified",
            "accounts.organisations.staff",
            refused=_("This organisation's ITU membership is already verified."),
            refused_code="already_verified",
        ),
        "decline_check": Action(
            [V.PENDING],
            V.UNVERIFIED,
            "organisation.check_declined",
            "accounts.organisations.staff",
        ),
        "revoke_check": Action(
            [V.VERIFIED],
            V.UNVERIFIED,
            "organisation.verification_revoked",
            "accounts.organisations.staff",
        ),
    },
    field="itu_status",
)

R = JoinRequestStatus
JOIN_REQUEST = Machine(
    "accounts.JoinRequest",
    JoinRequestStatus,
    {
        "approve": Action(
            [R.PENDING],
            R.APPROVED,
            "join_request.approved",
            "accounts.join_request.decide",
            refused=_("This request has already been answered."),
            refused_code="answered",
        ),
        "decline": Action(
            [R.PENDING],
            R.DECLINED,
            "join_request.declined",
            "accounts.join_request.decide",
            refused=_("This request has already been answered."),
            refused_code="answered",
        ),
        "withdraw": Action(
            [R.PENDING],
            R.WITHDRAWN,
            "join_request.withdrawn",
            "accounts.join_request.withdraw",
            refused=_("This request has already been answered."),
            refused_code="answered",
        ),
    },
)
