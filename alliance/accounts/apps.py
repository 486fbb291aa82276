from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "alliance.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from django.contrib import admin
        from django.contrib.auth.decorators import login_required

        from . import access_cache

        access_cache.connect()

        # The admin's own sign-in form would bypass the sign-in throttle and two-factor
        # authentication: signing in to the admin goes through the site's sign-in.
        admin.site.login = login_required(admin.site.login)
