from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .roles import is_staff_member

# Paths a staff member without two-factor authentication may still reach.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/readyz", "/i18n/")


class StaffMfaMiddleware:
    """With REQUIRE_STAFF_MFA on, BDT staff must set up two-factor authentication before
    using staff pages: they decide on applications, accreditations and the Board."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REQUIRE_STAFF_MFA and self._must_enrol(request):
            messages.warning(
                request,
                _("BDT staff accounts need two-factor authentication. Set it up to continue."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_enrol(self, request) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        path = request.path_info
        # Language prefix: /en/accounts/... -> /accounts/...
        unprefixed = "/" + path.lstrip("/").split("/", 1)[-1] if path.count("/") > 1 else path
        if path.startswith(ALLOWED_PREFIXES) or unprefixed.startswith(ALLOWED_PREFIXES):
            return False
        if not (is_staff_member(user) or user.is_superuser):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class UserTimeZoneMiddleware:
    """Shows times in the signed-in person's own time zone when they chose one; everyone
    else (and anyone without a choice) keeps UTC, the server's zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # AnonymousUser has no time_zone.
        name = getattr(getattr(request, "user", None), "time_zone", "")
        try:
            zone = ZoneInfo(name) if name else None
        except (ZoneInfoNotFoundError, ValueError):
            zone = None  # A zone dropped from the tz database: fall back to UTC.
        if zone is None:
            timezone.deactivate()
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            # The thread serves other people next.
            timezone.deactivate()
