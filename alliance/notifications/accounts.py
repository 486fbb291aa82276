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


# -- requests to join, claims and the check of ITU membership -----------------------------


def _staff(obj, event):
    from alliance.accounts.selectors import holders_of

    return holders_of("accounts.manage_organisations")


def _managers(organisation_id):
    from alliance.accounts.selectors import organisation_people

    return organisation_people(organisation_id)


def _organisation_page(organisation_id):
    return reverse("accounts:organisation_detail", args=[organisation_id])


kind("accounts.organisations", _("Your organisations: people and ITU membership"), essential=True)

on(
    "join_request.sent",
    kind="accounts.organisations",
    recipients=lambda r, event: _managers(r.organisation_id),
    subject=_("%(person)s asks to join %(organisation)s"),
    subject_args=lambda r, event: {"person": r.user, "organisation": r.organisation},
    template="accounts/email/organisation_news.txt",
    url=lambda r, event: _organisation_page(r.organisation_id),
    related=("organisation", "user"),
)
on(
    "claim_request.sent",
    kind="accounts.organisations",
    recipients=_staff,
    subject=_("%(person)s asks to take over %(organisation)s"),
    subject_args=lambda r, event: {"person": r.user, "organisation": r.organisation},
    template="accounts/email/organisation_news.txt",
    url=lambda r, event: reverse("accounts:staff_waiting"),
    related=("organisation", "user"),
)
for verb, subject in (
    ("join_request.approved", _("Your request about %(organisation)s was approved")),
    ("join_request.declined", _("Your request about %(organisation)s was declined")),
):
    on(
        verb,
        kind="accounts.organisations",
        recipients=lambda r, event: [r.user],
        subject=subject,
        subject_args=lambda r, event: {"organisation": r.organisation},
        template="accounts/email/organisation_news.txt",
        url=lambda r, event: reverse("accounts:dashboard"),
        context=lambda r, event: {"reason": r.reason},
        related=("organisation", "user"),
    )
on(
    "organisation.check_requested",
    kind="accounts.organisations",
    recipients=_staff,
    subject=_("%(organisation)s asks for a check of its ITU membership"),
    subject_args=lambda o, event: {"organisation": o},
    template="accounts/email/organisation_news.txt",
    url=lambda o, event: reverse("accounts:membership_check", args=[o.pk]),
)
for verb, subject in (
    ("organisation.membership_verified", _("The ITU membership of %(organisation)s is verified")),
    ("organisation.check_declined", _("The ITU membership of %(organisation)s was not verified")),
    (
        "organisation.verification_revoked",
        _("The ITU membership of %(organisation)s is no longer verified"),
    ),
):
    on(
        verb,
        kind="accounts.organisations",
        recipients=lambda o, event: _managers(o.pk),
        subject=subject,
        subject_args=lambda o, event: {"organisation": o},
        template="accounts/email/organisation_news.txt",
        url=lambda o, event: _organisation_page(o.pk),
        context=lambda o, event: {"reason": event.context.get("reason", "")},
    )
