from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "alliance.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from alliance.core.kernel import committed

        from .delivery import on_committed

        committed.connect(on_committed, dispatch_uid="notifications.on_committed")
        from . import accounts  # noqa: F401  (the messages of the app below this one)

        # Each app says in its notifications.py which events send which messages.
        autodiscover_modules("notifications")
