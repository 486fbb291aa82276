from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import get_language

from alliance.core.site import site_url


def _on_site(value):
    """A link allauth built from the request's host, moved to the configured site address:
    every link in an email comes from SITE_URL (behind a proxy, the request's host can be
    an internal name)."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        parts = urlsplit(value)
        return site_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))
    return value


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

    def send_mail(self, template_prefix, email, context):
        context = {key: _on_site(value) for key, value in context.items()}
        return super().send_mail(template_prefix, email, context)
