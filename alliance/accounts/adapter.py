from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stays open: any organisation may express interest in the Alliance."""

    def is_open_for_signup(self, request):
        return True

    def new_user(self, request):
        """A person who signs up on the French pages reads their emails in French (the
        language can be changed on the profile page)."""
        user = super().new_user(request)
        language = (get_language() or "").split("-")[0]
        if language in {code for code, _name in settings.LANGUAGES}:
            user.preferred_language = language
        return user
