from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stays open: any organisation may express interest in the Alliance."""

    def is_open_for_signup(self, request):
        return True
