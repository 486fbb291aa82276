"""Tests: fast hashing, in-memory email, tasks run immediately."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-but-long-enough-for-django-checks-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# pytest-xdist runs the suite in several processes (ADR 0024): each gets its own cache keys,
# uploads directory and credential key file; pytest-django gives each its own test database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if REDIS_URL:  # noqa: F405 - with REDIS_URL set, the suite runs against real Redis
    CACHES["default"]["BACKEND"] = "tests.redis_cache.WorkerRedisCache"  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{WORKER}"  # noqa: F405
    CACHES["pages"]["BACKEND"] = "tests.redis_cache.WorkerRedisCache"  # noqa: F405
    CACHES["pages"]["KEY_PREFIX"] = f"test-{WORKER}-pages"  # noqa: F405
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# A test that changes a setting and loads the same page again would be served the copy:
# the signed-in page cache is on only in the tests about it (tests/perf/test_page_cache.py).
SIGNED_IN_PAGE_CACHE = False
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / WORKER  # noqa: F405
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
_KEY_FILE = str(BASE_DIR / "var" / f"credential-dev-key-{WORKER}.json")  # noqa: F405
CREDENTIAL_DEV_KEY_FILE = CREDENTIAL_DEV_KEY_FILE or _KEY_FILE  # noqa: F405
KERNEL_STRICT = True
