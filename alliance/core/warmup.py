"""Load at start-up what every worker would otherwise load on its first requests.

A fresh gunicorn worker answered its first page in about two seconds (bench/rush.py: the
saves sent in the first seconds of deadline day waited up to four): the URLconf and the
API's schemas are imported on the first request, each language's catalogues on its first
use, the URL reversing tables once per language, and every template on its first render. gunicorn loads the WSGI
application in each worker before the worker accepts a connection, so doing it here
(config/wsgi.py) moves that cost out of anyone's request.
"""

import logging
import time

from django.conf import settings
from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


def _template_names():
    from django.template.utils import get_app_template_dirs

    for directory in get_app_template_dirs("templates"):
        for path in directory.rglob("*.html"):
            yield path.relative_to(directory).as_posix()


def warm() -> float:
    """Import the URLconf, load every language's catalogues and compile the templates.
    Returns the seconds it took. Never raises: a worker that could not warm still serves."""
    started = time.monotonic()
    try:
        resolver = get_resolver()
        resolver.url_patterns  # noqa: B018 - imports every app's urls and the API
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                translation.gettext("Alliance Hub")
                # Reversing builds a table per language (the /en/, /fr/... prefixes).
                resolver.reverse_dict  # noqa: B018
        engine = engines["django"]
        for name in sorted(set(_template_names())):
            try:
                engine.get_template(name)  # kept by the cached loader
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue  # a template of a library that needs what we do not install
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a reason not to start
        logger.exception("warm-up failed; the first requests will load what they need")
    return time.monotonic() - started
