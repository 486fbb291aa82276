import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Each gunicorn worker loads this module before it accepts a connection: warm it here so
# that no request pays for the imports, catalogues and templates (alliance/core/warmup.py).
if os.environ.get("WARM_UP", "true").lower() not in ("0", "false", "no"):
    from alliance.core.warmup import warm

    warm()
