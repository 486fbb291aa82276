from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.utils.translation import get_language

from alliance.core.site import site_url

from . import throttle


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

    def get_client_ip(self, request):
        """One definition of the client's address for allauth's rate limits and ours:
        `X-Forwarded-For` only behind `TRUSTED_PROXY_COUNT` proxies."""
        return throttle.client_address(request)

    def pre_authenticate(self, request, **credentials):
        """Our sign-in throttle (throttle.py) instead of allauth's per-account lock, which
        let anyone lock an account out from anywhere. A refusal answers 429 at once."""
        from .views import too_many_requests

        login = credentials.get("email") or credentials.get("username") or ""
        try:
            self._throttle_attempt = throttle.attempt(request, login)
        except throttle.Throttled as refused:
            raise ImmediateHttpResponse(too_many_requests(request, refused.retry_after)) from None

    def authenticate(self, request, **credentials):
        self._throttle_attempt = None
        user = super().authenticate(request, **credentials)
        if user is not None and self._throttle_attempt is not None:
            self._throttle_attempt.succeeded()
        return user
