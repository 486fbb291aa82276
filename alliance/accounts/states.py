"""The lifecycle of an invitation to join an organisation."""

from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Machine

from .models import InvitationStatus

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
