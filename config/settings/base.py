"""Settings shared by every environment. Values come from the environment only."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .s3 import s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()


def env_or_fail(name, cast, default):
    """Read one variable; a bad value stops start-up with a line that names it."""
    try:
        return env(name, cast=cast, default=default)
    except (ValueError, ImproperlyConfigured) as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value: {exc}") from exc


DEBUG = env_or_fail("DEBUG", bool, False)
SECRET_KEY = env_or_fail("SECRET_KEY", str, "")
ALLOWED_HOSTS = env_or_fail("ALLOWED_HOSTS", list, ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_or_fail("CSRF_TRUSTED_ORIGINS", list, [])
SITE_URL = env_or_fail("SITE_URL", str, "http://127.0.0.1:8000")
# Tests: the kernel refuses locks out of order and writes without a lock (a warning
# elsewhere), and a failing notification fails the test instead of being logged.
KERNEL_STRICT = env_or_fail("KERNEL_STRICT", bool, False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_htmx",
    "ninja",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Our apps come before allauth so that our templates override its layouts.
    "alliance.core",
    "alliance.accounts",
    "alliance.notifications",
    "alliance.centres",
    "alliance.public",
    "alliance.board",
    "alliance.joining",
    "alliance.lab",
    "alliance.calls",
    "alliance.monitoring",
    "alliance.news",
    "alliance.events",
    # Demo and benchmark data: above the domain apps, which never import it.
    "alliance.seeding",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The database's version, read once per request for the session, the user and the
    # page cache (ADR 0030).
    "alliance.core.db_version.RequestVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "alliance.core.i18n.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the user row read once per database version (ADR 0030).
    "alliance.accounts.kept_user.KeptUserAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "alliance.core.guard.FormGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A strict Content-Security-Policy on every response (docs/decisions/0017-content-security-policy.md).
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "alliance.accounts.middleware.StaffMfaMiddleware",
    "alliance.accounts.middleware.UserTimeZoneMiddleware",
    # Innermost: a signed-in page kept while the database is unchanged skips only the view
    # (ADR 0030).
    "alliance.core.page_cache.SignedInPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
CSRF_FAILURE_VIEW = "alliance.core.errors.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance.core.context_processors.site",
                "alliance.notifications.context_processors.inbox",
            ],
            # Replaces {% csrf_token %}: every form also carries a one-time token and the
            # version it was shown (alliance/core/guard.py).
            "builtins": ["alliance.core.templatetags.guard"],
        },
    }
]

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work together under runserver and gunicorn.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Deadline day (make bench-rush): hundreds of short write transactions queue for
        # the one writer; wait for it rather than answer "database is locked".
        "timeout": env_or_fail("SQLITE_BUSY_TIMEOUT", int, 20),
    }
# Connections are kept between requests. On SQLite this also keeps the WAL: when the last
# connection closes, SQLite checkpoints and removes it, which moves the database's version
# (alliance/core/db_version.py) with nothing changed, and every kept page is lost.
DATABASES["default"]["CONN_MAX_AGE"] = env_or_fail("CONN_MAX_AGE", int, 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env_or_fail("REDIS_URL", str, "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "alliance",
        },
        # Signed-in pages (alliance/core/page_cache.py), shared by every app server.
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "alliance",
        },
    }
    # Sessions are read from Redis and written to both: the database stays the record
    # (ADR 0010: flushing Redis signs no one out), the read skips a query per request.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The in-process cache is per worker: a session cached there would outlive a sign-out
    # made in another worker. Sessions stay in the database, each row read once per
    # database version (alliance/core/sessions.py), which any commit moves.
    SESSION_ENGINE = "alliance.core.sessions"
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "alliance",
        },
        # Signed-in pages (alliance/core/page_cache.py): per worker, at most 500 (about
        # 20 MB); the key holds the database's version, so no worker can serve a stale one.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "alliance-pages",
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }

# Signed-in pages kept while the database is unchanged (ADR 0030); off: SIGNED_IN_PAGE_CACHE=false.
SIGNED_IN_PAGE_CACHE = env_or_fail("SIGNED_IN_PAGE_CACHE", bool, True)

# Background work: run at once by default; TASKS_BACKEND=database queues in the
# database for `manage.py db_worker`.
TASKS_BACKEND = env_or_fail("TASKS_BACKEND", str, "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND)
    }
}

AUTHENTICATION_BACKENDS = [
    # ModelBackend with the permissions kept under the user's access version.
    "alliance.accounts.backends.CachedPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# allauth: email is the identity; accounts are verified before use.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alliance Hub] "
ACCOUNT_ADAPTER = "alliance.accounts.adapter.AccountAdapter"
ACCOUNT_PREVENT_ENUMERATION = True
# Failed sign-ins are throttled by alliance/accounts/throttle.py (per account and address,
# growing delays, 429), not by allauth's "login_failed" limit, which now only guards the
# two-factor code step. The other allauth limits (sign-ups, resets, 30 sign-in posts a
# minute per address) stay as allauth sets them; they count in the cache too.
# Client addresses: X-Forwarded-For is read only behind this many proxies of ours (the load
# balancer: 1). 0 (the default) takes the socket's address.
TRUSTED_PROXY_COUNT = env_or_fail("TRUSTED_PROXY_COUNT", int, 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff (secretariat, Director, Lab) must enrol in TOTP before using the platform.
REQUIRE_STAFF_MFA = env_or_fail("REQUIRE_STAFF_MFA", bool, False)
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGIN_URL = "account_login"

LANGUAGE_CODE = "en"
# The six official languages of the United Nations, in ITU's order (docs/i18n.md). Adding a
# language is a line here plus its catalogs (`make messages`, then the translators' work).
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = []
TIME_ZONE = "UTC"
ALLIANCE_TIME_ZONE = "Europe/Zurich"  # Geneva time, the secretariat's clock
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded and generated files (docs/decisions/0009-file-storage.md). No URL serves
# MEDIA_ROOT: every file goes out through a view that checks access (alliance/core/files.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_or_fail("MEDIA_ROOT", str, str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Any S3-compatible store (AWS S3, MinIO, Ceph, Garage, moto...) when S3_BUCKET is set.
S3_BUCKET = env_or_fail("S3_BUCKET", str, "")
# How long a download link to a file in the bucket works, in seconds.
S3_URL_SECONDS = env_or_fail("S3_URL_SECONDS", int, 60)
if S3_BUCKET:
    STORAGES["default"] = s3_storage(
        bucket=S3_BUCKET,
        endpoint_url=env_or_fail("S3_ENDPOINT_URL", str, ""),
        access_key=env_or_fail("S3_ACCESS_KEY_ID", str, ""),
        secret_key=env_or_fail("S3_SECRET_ACCESS_KEY", str, ""),
        region=env_or_fail("S3_REGION", str, ""),
        addressing_style=env_or_fail("S3_ADDRESSING_STYLE", str, ""),
        prefix=env_or_fail("S3_PREFIX", str, ""),
        url_seconds=S3_URL_SECONDS,
    )

EMAIL_BACKEND = env_or_fail("EMAIL_BACKEND", str, "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_or_fail("EMAIL_HOST", str, "localhost")
EMAIL_PORT = env_or_fail("EMAIL_PORT", int, 25)
EMAIL_HOST_USER = env_or_fail("EMAIL_HOST_USER", str, "")
EMAIL_HOST_PASSWORD = env_or_fail("EMAIL_HOST_PASSWORD", str, "")
EMAIL_USE_TLS = env_or_fail("EMAIL_USE_TLS", bool, False)
DEFAULT_FROM_EMAIL = env_or_fail("DEFAULT_FROM_EMAIL", str, "Alliance Hub <noreply@localhost>")

# Public pages are cached this many seconds (they also answer conditional GETs).
PUBLIC_CACHE_SECONDS = env_or_fail("PUBLIC_CACHE_SECONDS", int, 300)
# The licence of every open-data file (docs/decisions/0014-open-data.md): CC BY 4.0 unless
# the Alliance decides otherwise.
OPEN_DATA_LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

NINJA_PAGINATION_PER_PAGE = 50
# Bounded limit and offset for every @paginate (a huge offset is a 422, not an overflow).
NINJA_PAGINATION_CLASS = "alliance.core.api_errors.BoundedPagination"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_or_fail("LOG_LEVEL", str, "INFO")},
    "loggers": {
        # Both log every step at INFO; keep their warnings only.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # It logs every job it adds and runs; alliance.schedule logs each run's result.
        "apscheduler": {"level": "WARNING"},
    },
}
# Content-Security-Policy (django-csp; docs/decisions/0017-content-security-policy.md): every
# page loads script, style, images and fonts from this site only; no inline script or
# style, no eval, no plugins, no framing. Violations are reported to /csp-report/ (logged).
# img-src allows data: for the icons inside the Swagger UI stylesheet. SVG charts and the
# map set their own policy (no script at all).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report/",
    }
}
FORM_RENDERER = "alliance.core.forms.FormRenderer"
# django-countries 9 shows Nauru by its local name; ITU documents say Nauru.
COUNTRIES_OVERRIDE = {"NR": _("Nauru")}

# Verifiable credentials: the Ed25519 private key (JWK JSON or PEM) that signs accreditations.
CREDENTIAL_SIGNING_KEY = env_or_fail("CREDENTIAL_SIGNING_KEY", str, "")
# Development and tests only: a key file made on first use when no key is configured.
CREDENTIAL_DEV_KEY_FILE = env_or_fail("CREDENTIAL_DEV_KEY_FILE", str, "")
# After a key rotation: the old public keys (a JSON list of JWKs), still published and accepted.
CREDENTIAL_RETIRED_PUBLIC_KEYS = env_or_fail("CREDENTIAL_RETIRED_PUBLIC_KEYS", str, "")
