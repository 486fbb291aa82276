from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedField
from alliance.core.kernel import CurrentState
from alliance.core.models import Scope, StrategicObjective

from ..states import CentreSource, CentreStatus, ChecklistItem, InitiativeStatus
from .types import Ownership


class Centre(CurrentState, models.Model):
    name = models.CharField(_("name"), max_length=200)
    centre_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        related_name="centres",
        verbose_name=_("centre type"),
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices)
    host_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="centres",
        verbose_name=_("host organisation"),
    )
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="centres", verbose_name=_("country")
    )
    objectives = models.ManyToManyField(
        StrategicObjective, related_name="centres", blank=True, verbose_name=_("objectives")
    )
    description = TranslatedField(_("public description"), multiline=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CentreStatus.choices, default=CentreStatus.IN_DESIGN
    )
    source = models.CharField(_("source"), max_length=20, choices=CentreSource.choices)
    # Generic reference to what the centre came from (an application, a recognition).
    source_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_object_id = models.CharField(max_length=64, blank=True)
    # Set at the first accreditation: from then on the registry lists the centre, whatever
    # happens to it (suspended, expired, closed after a revocation), so that the registry
    # shows at least what the verification page does.
    listed_since = models.DateField(_("in the registry since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("acceleration centre")
        verbose_name_plural = _("acceleration centres")
        # Granted to the staff roles in policy.py (GRANTS) and migration 0005.
        permissions = [
            ("view_all_centres", _("Can see every centre, its accreditations and requests")),
            (
                "manage_centres",
                _("Can record centres, edit their details, close them and open renewals"),
            ),
            (
                "evaluate_centres",
                _("Can evaluate renewals, moves and recognitions and tick design steps"),
            ),
            (
                "decide_centres",
                _("Can accredit, suspend, reinstate and revoke, and decide renewals and requests"),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "name"], name="centre_status_name_idx"),
            models.Index(fields=["country", "status"], name="centre_country_status_idx"),
            models.Index(fields=["centre_type", "status"], name="centre_type_status_idx"),
            models.Index(fields=["host_organisation"], name="centre_host_idx"),
            models.Index(fields=["listed_since", "name"], name="centre_listed_name_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def region(self):
        return self.country.region


class CentreTypePeriod(models.Model):
    """Every type a centre has had, with the dates: its history of moves."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="type_periods")
    centre_type = models.ForeignKey(
        "centres.CentreType", on_delete=models.PROTECT, related_name="+", verbose_name=_("type")
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    category_change = models.ForeignKey(
        "centres.CategoryChange", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["since", "id"]
        verbose_name = _("type period")
        verbose_name_plural = _("type history")

    def __str__(self):
        return f"{self.centre_id}: {self.centre_type_id} since {self.since}"


class DesignChecklistItem(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="checklist")
    item = models.CharField(_("step"), max_length=30, choices=ChecklistItem.choices)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("design checklist item")
        verbose_name_plural = _("design checklist")
        constraints = [
            models.UniqueConstraint(fields=["centre", "item"], name="checklist_unique_item")
        ]

    def __str__(self):
        return f"{self.centre_id}: {self.item}"

    @property
    def done(self) -> bool:
        return self.done_at is not None


class FlagshipInitiative(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="initiatives")
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), multiline=True, blank=True)
    objectives = models.ManyToManyField(
        StrategicObjective, related_name="initiatives", blank=True, verbose_name=_("objectives")
    )
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    budget_usd = models.PositiveIntegerField(_("budget (USD)"), default=0)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PLANNED,
    )
    outcomes = models.TextField(_("outcomes"), blank=True)

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("flagship initiative")
        verbose_name_plural = _("flagship initiatives")

    def __str__(self):
        return self.title.get("en", "")
