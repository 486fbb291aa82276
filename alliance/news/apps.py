from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "alliance.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from alliance.core.kernel import committed

        from . import cache, policy  # noqa: F401  (rules and page dependencies)
        from .drafts import propose_draft

        # Call openings, results, new centres and pilots propose a draft announcement.
        committed.connect(propose_draft, dispatch_uid="news.propose_draft")


# The main navigation link in the header; listed here so that this app's catalog carries it.
NAV_LABEL = _("News")
