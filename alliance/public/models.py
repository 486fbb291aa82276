from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedFieldsMixin


class Milestone(TranslatedFieldsMixin, models.Model):
    """A key date of the Alliance, managed by the secretariat and shown publicly."""

    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    date = models.DateField(_("date"), db_index=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    is_public = models.BooleanField(_("shown publicly"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")
        constraints = [
            models.UniqueConstraint(fields=["date", "title_en"], name="milestone_unique_date_title")
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title_en}"

    @property
    def title(self) -> str:
        return self.tr("title")

    @property
    def description(self) -> str:
        return self.tr("description")
