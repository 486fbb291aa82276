from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "alliance.board"
    label = "board"
    verbose_name = _("Digital Innovation Board")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .signals import link_seats_on_sign_in

        user_logged_in.connect(link_seats_on_sign_in, dispatch_uid="board_link_seats")


# The main navigation link in base.html; listed here so that this app's catalog carries it.
NAV_LABEL = _("Board")
