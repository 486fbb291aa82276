from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedFieldsMixin
from alliance.core.models import Scope, StrategicObjective


class Ownership(models.TextChoices):
    ITU = "itu", _("Owned and run by ITU")
    COUNTRY = "country", _("Country-owned")
    HOST_INSTITUTION = "host_institution", _("Inside an existing institution")


class CostClass(models.TextChoices):
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    HIGH = "high", _("High")


class CentreType(TranslatedFieldsMixin, models.Model):
    """One row of the circular's selection guidance table, kept as data."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices)
    ownership_note_en = models.TextField(_("ownership note (English)"), blank=True)
    ownership_note_fr = models.TextField(_("ownership note (French)"), blank=True)
    scopes = models.JSONField(_("allowed scopes"), default=list)
    objectives = models.ManyToManyField(
        StrategicObjective, related_name="centre_types", verbose_name=_("objectives covered")
    )
    resource_model_en = models.TextField(_("resource model (English)"))
    resource_model_fr = models.TextField(_("resource model (French)"))
    cost_class = models.CharField(_("cost"), max_length=10, choices=CostClass.choices)
    observation_en = models.TextField(_("observation (English)"))
    observation_fr = models.TextField(_("observation (French)"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("centre type")
        verbose_name_plural = _("centre types")

    def __str__(self):
        return self.name

    def scope_labels(self) -> list[str]:
        return [str(Scope(s).label) for s in self.scopes]
