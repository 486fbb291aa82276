from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliance.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its transition tables in states.py, its access rules in
        # policy.py and what its public pages depend on in cache.py (docs/kernel.md); all
        # are loaded before the first request.
        autodiscover_modules("states", "policy", "cache")

        from . import choices

        # get_<field>_display() translated every label of the field on every call.
        choices.install()
