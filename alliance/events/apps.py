from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "alliance.events"
    label = "events"
    verbose_name = _("Community events")


# The main navigation link in the header; listed here so that this app's catalog carries it.
NAV_LABEL = _("Events")
