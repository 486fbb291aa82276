from django.db import models
from django.db.models.fields.json import KT
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedField


class Milestone(models.Model):
    """A key date of the Alliance, managed by the secretariat and shown publicly."""

    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, blank=True)
    date = models.DateField(_("date"), db_index=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    is_public = models.BooleanField(_("shown publicly"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")
        constraints = [
            models.UniqueConstraint("date", KT("title__en"), name="milestone_unique_date_title")
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title.get('en', '')}"
