from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import mfa

# Paths a staff member without two-factor authentication may still reach. The JSON API
# answers for itself: its tokens are refused with a 403 (alliance/accounts/tokens.py).
ALLOWED_PREFIXES = (
    "/accounts/",
    "/static/",
    "/healthz",
    "/readyz",
    "/i18n/",
    "/api/",
    "/csp-report",
)


class StaffMfaMiddleware:
    """BDT staff (with REQUIRE_STAFF_MFA on) and, when the Director requires it, reviewers
    and Board members must set up two-factor authentication before using the platform:
    they decide on applications, accreditations and the Board (alliance/accounts/mfa.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._exempt(request):
            return self.get_response(request)
        if mfa.must_enrol(request.user):
            if mfa.is_staff_rule(request.user):
                text = _(
                    "BDT staff accounts need two-factor authentication. Set it up to continue."
                )
            else:
                text = _("Your account needs two-factor authentication. Set it up to continue.")
            messages.warning(request, text)
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _exempt(self, request) -> bool:
        if not request.user.is_authenticated:
            return True
        path = request.path_info
        # Language prefix: /en/accounts/... -> /accounts/...
        unprefixed = "/" + path.lstrip("/").split("/", 1)[-1] if path.count("/") > 1 else path
        return path.startswith(ALLOWED_PREFIXES) or unprefixed.startswith(ALLOWED_PREFIXES)


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
