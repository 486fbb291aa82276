"""Applications to a call, their documents and the revisions kept at each submission."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.models import Scope
from alliance.core.uploads import UploadValidator

from ..states import APPLICATION_DECIDED, ApplicationStatus, CallStatus
from .calls import Call, Question


class Application(models.Model):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    proposed_centre_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed centre type"),
    )
    proposed_scope = models.CharField(
        _("proposed scope"), max_length=10, choices=Scope.choices, blank=True
    )
    host_institution = models.CharField(_("host institution"), max_length=200, blank=True)
    flagship_initiatives = models.TextField(_("flagship initiatives proposed"), blank=True)
    human_resources_plan = models.TextField(_("human resources plan"), blank=True)
    financial_resources_plan = models.TextField(_("financial resources plan"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    screening_reason = models.TextField(_("screening reason"), blank=True)
    more_info_request = models.TextField(_("information requested"), blank=True)
    more_info_due_at = models.DateTimeField(_("reply by"), null=True, blank=True)
    decision_rationale = models.TextField(_("rationale of the decision"), blank=True)
    departure_justification = models.TextField(
        _("justification for departing from the ranking"), blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["call", "organisation__name"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="application_one_per_organisation"
            )
        ]
        indexes = [models.Index(fields=["call", "status"], name="application_call_status_idx")]

    def __str__(self):
        return f"{self.organisation} – {self.call}"

    # What the applicant's page shows about the state (actions: kernel.allowed_actions).
    @property
    def is_ineligible(self) -> bool:
        return self.status == ApplicationStatus.INELIGIBLE

    @property
    def awaits_information(self) -> bool:
        return self.status == ApplicationStatus.MORE_INFO_REQUESTED

    @property
    def is_being_considered(self) -> bool:
        return self.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW)

    @property
    def is_selected(self) -> bool:
        return self.status == ApplicationStatus.SELECTED

    @property
    def outcome_published(self) -> bool:
        """Decided, and the call's results are out: the applicant may see the outcome."""
        return (
            self.status in APPLICATION_DECIDED and self.call.status == CallStatus.RESULTS_PUBLISHED
        )


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    file = PrivateFileField(
        _("file"),
        folder="calls/applications",
        name_field="original_name",
        validators=[UploadValidator("application")],
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class ApplicationRevision(models.Model):
    """What an application said when it was (re)submitted; kept so changes can be compared."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision"))
    snapshot = models.JSONField(_("content"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="revision_unique")
        ]

    def __str__(self):
        return f"{self.application} #{self.number}"
