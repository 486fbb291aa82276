from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .states import RequestStatus


class AssistanceKind(models.TextChoices):
    PRELIMINARY_REVIEW = "preliminary_review", _("Preliminary review and assessment")
    CENTRE_DESIGN = "centre_design", _("Centre design")
    SANDBOX = "sandbox", _("Sandbox environment")
    ACCELERATION = "acceleration", _("Acceleration activities")
    MONITORING = "monitoring", _("Monitoring and evaluation")
    OTHER = "other", _("Other")


class Urgency(models.TextChoices):
    LOW = "low", _("Low: within three months")
    NORMAL = "normal", _("Normal: within a month")
    HIGH = "high", _("High: within two weeks")


class TechnicalAssistanceRequest(models.Model):
    """A request to the Digital Transformation Lab; the Lab triages, assigns and delivers."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="assistance_requests",
        verbose_name=_("requesting organisation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    assessment = models.ForeignKey(
        "joining.PreliminaryAssessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assistance_requests",
        verbose_name=_("preliminary assessment"),
    )
    kind = models.CharField(_("type of assistance"), max_length=30, choices=AssistanceKind.choices)
    description = models.TextField(_("description"))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_assistance_requests",
        verbose_name=_("assigned to"),
    )
    triage_note = models.TextField(_("triage note"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("technical assistance request")
        verbose_name_plural = _("technical assistance requests")
        indexes = [
            models.Index(fields=["status", "created_at"], name="lab_tar_status_idx"),
            models.Index(fields=["organisation", "-created_at"], name="lab_tar_org_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.organisation}"
