from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "alliance.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring and evaluation")

    def ready(self):
        # The evidence of a design checklist step (alliance.centres.checklist).
        from . import checklist  # noqa: F401
