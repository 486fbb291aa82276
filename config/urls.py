from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from alliance.accounts import views as accounts_views
from alliance.core import views as core_views
from alliance.core.api_errors import unknown_path
from alliance.notifications.urls import feed_urlpatterns
from config.api import api

# allauth's rate limits answer with this page (429, laid out, translated, Retry-After).
handler429 = "alliance.accounts.views.too_many_requests"
# Error pages with the site's layout and a way forward (alliance/core/errors.py).
handler400 = "alliance.core.errors.bad_request"
handler403 = "alliance.core.errors.permission_denied"
handler404 = "alliance.core.errors.page_not_found"
handler500 = "alliance.core.errors.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("csp-report/", core_views.csp_report, name="csp_report"),
    # The language switcher (outside the language prefixes: it moves between them).
    path("i18n/<str:code>/", accounts_views.choose_language, name="choose_language"),
    path("api/v1/", api.urls),
    path("api/v1/<path:unknown>", unknown_path, name="api_unknown_path"),
    path("", include("alliance.centres.credential_urls")),
    *feed_urlpatterns,
]

urlpatterns += i18n_patterns(
    path("", include("alliance.public.urls")),
    path("centres/", include("alliance.centres.urls")),
    path("calls/", include("alliance.calls.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("alliance.accounts.urls")),
    path("staff/", include("alliance.core.urls")),
    path("board/", include("alliance.board.urls")),
    path("joining/", include("alliance.joining.urls")),
    path("lab/", include("alliance.lab.urls")),
    path("monitoring/", include("alliance.monitoring.urls")),
    path("news/", include("alliance.news.urls")),
    path("events/", include("alliance.events.urls")),
    path("notifications/", include("alliance.notifications.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# No URL serves MEDIA_ROOT, not even with DEBUG on: every file goes out through a view that
# checks who asks (alliance/core/files.py, docs/decisions/0009-file-storage.md).
