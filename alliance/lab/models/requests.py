from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.languages import LanguageField
from alliance.core.uploads import UploadValidator

from ..states import RequestStatus


class AssistanceKind(models.TextChoices):
    PRELIMINARY_REVIEW = "preliminary_review", _("Preliminary review and assessment")
    CENTRE_DESIGN = "centre_design", _("Centre design")
    SANDBOX = "sandbox", _("Sandbox environment")
    ACCELERATION = "acceleration", _("Acceleration activities")
    MONITORING = "monitoring", _("Monitoring and evaluation")
    CAPACITY_BUILDING = "capacity_building", _("Capacity building")
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
    preferred_language = LanguageField(_("preferred language"))
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
    plan = models.TextField(_("plan"), blank=True)
    plan_proposed_at = models.DateTimeField(_("plan proposed"), null=True, blank=True)
    plan_agreed_at = models.DateTimeField(_("plan agreed"), null=True, blank=True)
    plan_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan agreed by"),
    )
    delivery_note = models.TextField(_("delivery note"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1 to 5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    satisfaction_comment = models.TextField(_("comment on the assistance"), blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("technical assistance request")
        verbose_name_plural = _("technical assistance requests")
        # Staff capabilities, granted to the staff roles in lab/policy.py and migration 0003.
        permissions = [
            ("view_lab", _("Can see every technical assistance request and agreement")),
            ("triage_request", _("Can triage, assign and decline technical assistance requests")),
            ("take_request", _("Can be assigned technical assistance requests")),
            ("oversee_request", _("Can act on an assigned request in the Lab expert's place")),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="lab_tar_status_idx"),
            models.Index(fields=["organisation", "-created_at"], name="lab_tar_org_idx"),
            models.Index(fields=["assigned_to", "status"], name="lab_tar_expert_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.organisation}"


class PlanMilestone(models.Model):
    """A step of the plan the Lab expert and the requester agree before the work starts."""

    request = models.ForeignKey(
        TechnicalAssistanceRequest, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("plan milestone")
        verbose_name_plural = _("plan milestones")

    def __str__(self):
        return self.title


class DeliveryDocument(models.Model):
    request = models.ForeignKey(
        TechnicalAssistanceRequest, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = PrivateFileField(
        _("file"),
        folder="lab/delivery",
        name_field="original_name",
        validators=[UploadValidator("document")],
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("delivered document")
        verbose_name_plural = _("delivered documents")

    def __str__(self):
        return self.title
