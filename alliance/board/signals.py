def link_seats_on_sign_in(sender, request, user, **kwargs):
    # Sign-in needs a verified address (ACCOUNT_EMAIL_VERIFICATION = "mandatory"), so the
    # address on the seat is proven to be this person's.
    from .services import link_account

    link_account(user=user)
