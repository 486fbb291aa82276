"""Local development: SQLite, console email, debug on unless told otherwise."""

from .base import *  # noqa: F403
from .base import env_or_fail

DEBUG = env_or_fail("DEBUG", bool, True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
_KEY_FILE = str(BASE_DIR / "var" / "credential-dev-key.json")  # noqa: F405
CREDENTIAL_DEV_KEY_FILE = CREDENTIAL_DEV_KEY_FILE or _KEY_FILE  # noqa: F405
