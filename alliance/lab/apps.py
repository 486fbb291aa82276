from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabConfig(AppConfig):
    name = "alliance.lab"
    label = "lab"
    verbose_name = _("Digital Transformation Lab")

    def ready(self):
        # The evidence of a design checklist step (alliance.centres.checklist).
        from . import checklist  # noqa: F401
