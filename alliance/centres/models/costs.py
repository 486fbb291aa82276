from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _usd(label):
    return models.PositiveIntegerField(label)


def _factor(label):
    return models.DecimalField(label, max_digits=4, decimal_places=2)


class CostModelVersion(models.Model):
    """One version of the indicative cost model (the figures BDT sets), effective from a
    date. Versions are never edited: the secretariat creates a new one, so that every
    estimate made with an older version can still be explained with its figures."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    effective_from = models.DateField(_("effective from"))
    note = models.CharField(_("what changed and why"), max_length=500, blank=True)
    base_low = _usd(_("base cost, low-cost type"))
    base_moderate = _usd(_("base cost, moderate-cost type"))
    base_high = _usd(_("base cost, high-cost type"))
    per_objective_low = _usd(_("per strategic objective, low-cost type"))
    per_objective_moderate = _usd(_("per strategic objective, moderate-cost type"))
    per_objective_high = _usd(_("per strategic objective, high-cost type"))
    scope_national = _factor(_("factor for a national scope"))
    scope_regional = _factor(_("factor for a regional scope"))
    scope_global = _factor(_("factor for a global scope"))
    ownership_host_institution = _factor(_("factor for a centre inside an existing institution"))
    ownership_country = _factor(_("factor for a country-owned centre"))
    ownership_itu = _factor(_("factor for a centre owned and run by ITU"))
    per_flagship = _usd(_("per flagship initiative"))
    range_low = _factor(_("low end of the range (share of the total)"))
    range_high = _factor(_("high end of the range (share of the total)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("cost model version")
        verbose_name_plural = _("cost model versions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(range_low__lte=1) & models.Q(range_high__gte=1),
                name="cost_range_around_total",
            ),
        ]

    def __str__(self):
        return f"v{self.number} ({self.effective_from:%Y-%m-%d})"
