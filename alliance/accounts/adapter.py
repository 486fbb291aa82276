from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import translation

from alliance.core.languages import current_language, in_language, remember, supported
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
        user.preferred_language = current_language()
        return user

    def post_login(self, request, user, **kwargs):
        """Sign-in lands in the person's language: the pages' language when they chose it
        with the switcher (the language cookie names it), else their saved language. The
        page they were going to (`next`) opens in that language too."""
        language = language_after_sign_in(request, user)
        with translation.override(language):
            response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect):
            response["Location"] = in_language(response["Location"], language)
        return remember(response, language)

    def get_logout_redirect_url(self, request):
        """Signing out of /fr/ lands on the French home page, not on "/" (which would open
        in the browser's language)."""
        return resolve_url("public:home")

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


def language_after_sign_in(request, user) -> str:
    from_path = translation.get_language_from_path(request.path_info)
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if from_path and chosen == from_path:
        return from_path
    return supported(user.preferred_language) or from_path or settings.LANGUAGE_CODE
