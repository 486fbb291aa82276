from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "alliance.board"
    label = "board"
    verbose_name = _("Digital Innovation Board")


# The main navigation link in base.html; listed here so that this app's catalog carries it.
NAV_LABEL = _("Board")
