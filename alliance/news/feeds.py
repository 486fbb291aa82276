"""Atom feeds of the announcements, one per language (the URL's prefix) and category."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Category
from .rendering import render_markdown
from .selectors import public_announcements

FEED_SIZE = 30


class AnnouncementsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, category=None):
        if category is not None and category not in Category.values:
            raise Http404
        return category

    def title(self, category):
        if category:
            return _("Alliance Hub news: %(category)s") % {"category": Category(category).label}
        return _("Alliance Hub news")

    def subtitle(self, category):
        return _(
            "Announcements of the Innovation and Entrepreneurship Alliance for Digital Development"
        )

    def link(self, category):
        url = reverse("news:list")
        return f"{url}?category={category}" if category else url

    def feed_url(self, category):
        if category:
            return reverse("news:category_feed", args=[category])
        return reverse("news:feed")

    def items(self, category):
        return public_announcements(category)[:FEED_SIZE]

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        return render_markdown(str(item.body))

    def item_link(self, item):
        return reverse("news:detail", args=[item.pk])

    def item_guid(self, item):
        # Stable across languages and edits: the announcement itself.
        return f"tag:alliance-hub,2023:announcement:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.publish_at, item.updated_at) if item.publish_at else item.updated_at

    def item_categories(self, item):
        return [str(Category(item.category).label)]
