from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.uploads import UploadValidator

from ..states import AgreementStatus, ProjectStatus


class CooperationAgreement(models.Model):
    """An agreement between BDT and a host organisation under which the Lab supports a centre."""

    host_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
        verbose_name=_("host organisation"),
    )
    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_agreements",
        verbose_name=_("acceleration centre"),
    )
    title = models.CharField(_("title"), max_length=200)
    parties = models.TextField(
        _("parties"), help_text=_("BDT and the host organisation, and any other party.")
    )
    scope = models.TextField(_("scope"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    document = PrivateFileField(
        _("signed agreement"),
        folder="lab/agreements",
        name_field="document_name",
        validators=[UploadValidator("document")],
        blank=True,
    )
    document_name = models.CharField(_("file name"), max_length=255, blank=True)
    signed_at = models.DateField(_("signed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "id"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        permissions = [
            ("manage_agreement", _("Can record cooperation agreements and manage their projects"))
        ]
        indexes = [
            models.Index(fields=["centre", "-start_date"], name="lab_agreement_centre_idx"),
            models.Index(fields=["status", "-start_date"], name="lab_agreement_status_idx"),
        ]

    def __str__(self):
        return self.title


class Project(models.Model):
    agreement = models.ForeignKey(
        CooperationAgreement,
        on_delete=models.CASCADE,
        related_name="projects",
        verbose_name=_("cooperation agreement"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    budget_usd = models.PositiveIntegerField(_("budget (USD)"), default=0)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title


class ProjectMilestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_date = models.DateField(_("due date"))
    done_at = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("project milestone")
        verbose_name_plural = _("project milestones")

    def __str__(self):
        return self.title


class Deliverable(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("deliverable"), max_length=200)
    due_date = models.DateField(_("due date"))
    document = PrivateFileField(
        _("document"),
        folder="lab/deliverables",
        name_field="document_name",
        validators=[UploadValidator("document")],
        blank=True,
    )
    document_name = models.CharField(_("file name"), max_length=255, blank=True)
    delivered_at = models.DateField(_("delivered on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self):
        return self.title
