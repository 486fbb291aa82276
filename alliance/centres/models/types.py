from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedField
from alliance.core.models import Scope, StrategicObjective


class Ownership(models.TextChoices):
    ITU = "itu", _("Owned and run by ITU")
    COUNTRY = "country", _("Country-owned")
    HOST_INSTITUTION = "host_institution", _("Inside an existing institution")


class CostClass(models.TextChoices):
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    HIGH = "high", _("High")


class CentreType(models.Model):
    """One row of the circular's selection guidance table, kept as data."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = TranslatedField(_("name"), max_length=200)
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices)
    ownership_note = TranslatedField(_("ownership note"), multiline=True, blank=True)
    scopes = models.JSONField(_("allowed scopes"), default=list)
    objectives = models.ManyToManyField(
        StrategicObjective, related_name="centre_types", verbose_name=_("objectives covered")
    )
    resource_model = TranslatedField(_("resource model"), multiline=True)
    cost_class = models.CharField(_("cost"), max_length=10, choices=CostClass.choices)
    observation = TranslatedField(_("observation"), multiline=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("centre type")
        verbose_name_plural = _("centre types")

    def __str__(self):
        return str(self.name)

    def scope_labels(self) -> list[str]:
        return [str(Scope(s).label) for s in self.scopes]
