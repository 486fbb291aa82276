"""Messages about accounts and organisations. The accounts app sits below this one, so its
messages are declared here: the invitation email, to a colleague who may not have an
account yet."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .registry import Guest, kind, on

kind(
    "accounts.invitations",
    _("Invitations to join an organisation"),
    essential=True,
    listed=False,
)

on(
    "invitation.sent",
    kind="accounts.invitations",
    # In the inviter's language: the colleague has no account, so no language of their own.
    recipients=lambda invitation, event: [
        Guest(invitation.email, invitation.invited_by.preferred_language)
    ],
    subject=_("You are invited to join %(organisation)s on Alliance Hub"),
    subject_args=lambda invitation, event: {"organisation": invitation.organisation},
    template="accounts/email/invitation.txt",
    url=lambda invitation, event: reverse(
        "accounts:invitation_accept", kwargs={"token": invitation.token}
    ),
    context=lambda invitation, event: {"invitation": invitation},
    related=("organisation", "invited_by"),
)
