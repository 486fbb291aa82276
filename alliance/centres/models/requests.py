from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.models import Scope

from ..states import OPEN_RECOGNITION_STATUSES, RecognitionStatus, RequestStatus


class _Request(models.Model):
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.REQUESTED,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    evaluation_note = models.TextField(_("evaluation"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evaluated_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    # What the request's page says is happening (display only; actions come from the table).
    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.REQUESTED, RequestStatus.UNDER_EVALUATION)

    @property
    def awaiting_evaluation(self) -> bool:
        return self.status == RequestStatus.REQUESTED

    @property
    def awaiting_decision(self) -> bool:
        return self.status == RequestStatus.UNDER_EVALUATION


class CategoryChange(_Request):
    """A centre's request to move to another type."""

    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="category_changes"
    )
    from_type = models.ForeignKey(
        "centres.CentreType", on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    to_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("target type"),
    )
    justification = models.TextField(_("justification (resources and experience)"))
    annual_budget_usd = models.PositiveIntegerField(_("annual budget (USD)"), null=True, blank=True)
    fit_score = models.PositiveSmallIntegerField(_("fit"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("move between types")
        verbose_name_plural = _("moves between types")
        indexes = [models.Index(fields=["status", "-created_at"], name="catchange_status_idx")]

    def __str__(self):
        return f"{self.centre}: {self.from_type} → {self.to_type}"


class PartnerRecognition(_Request):
    """An organisation that already runs a centre asks to become a partner ITU centre."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="partner_recognitions",
        verbose_name=_("organisation"),
    )
    centre_name = models.CharField(_("name of the centre"), max_length=200)
    centre_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("type sought"),
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    description = models.TextField(_("description of the centre"))
    track_record = models.TextField(_("track record"))
    resources = models.TextField(_("human and financial resources"))
    # The centre in design from the start of the design phase; accredited on approval.
    centre = models.OneToOneField(
        "centres.Centre",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recognition",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RecognitionStatus.choices,
        default=RecognitionStatus.REQUESTED,
    )
    design_started_at = models.DateTimeField(_("design started"), null=True, blank=True)
    design_completed_at = models.DateTimeField(_("design completed"), null=True, blank=True)
    # {criterion code: 0-4}, RECOGNITION_CRITERIA.
    scores = models.JSONField(_("scores"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner recognition")
        verbose_name_plural = _("partner recognitions")
        indexes = [models.Index(fields=["status", "-created_at"], name="recognition_status_idx")]

    def __str__(self):
        return self.centre_name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_RECOGNITION_STATUSES

    @property
    def awaiting_decision(self) -> bool:
        return self.status == RecognitionStatus.EVALUATED

    @property
    def total_score(self) -> int | None:
        return sum(self.scores.values()) if self.scores else None
