"""Production: refuses to start with debug on or without a real secret key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, env_or_fail

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=false.")
if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")) or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY is missing or a default: set SECRET_KEY to a random string of 50+ characters."
    )

if not env_or_fail("CREDENTIAL_SIGNING_KEY", str, ""):
    raise ImproperlyConfigured(
        "CREDENTIAL_SIGNING_KEY is missing: set it to the Ed25519 private key (JWK or PEM) that "
        "signs accreditation credentials (see the README)."
    )

# Every link in emails, certificates and credentials is built from SITE_URL: no silent
# http://127.0.0.1:8000 in a message sent from production.
SITE_URL = env_or_fail("SITE_URL", str, "")
if not SITE_URL.startswith("https://") or "127.0.0.1" in SITE_URL or "localhost" in SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL is missing or not public: set it to the platform's https address, "
        "for example https://alliance.example.org (links in emails are built from it)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_or_fail("SECURE_SSL_REDIRECT", bool, True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_or_fail("SECURE_HSTS_SECONDS", int, 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
REQUIRE_STAFF_MFA = env_or_fail("REQUIRE_STAFF_MFA", bool, True)
