from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedFieldsMixin
from alliance.core.models import Scope
from alliance.core.uploads import UploadValidator

from .states import ApplicationStatus, AssignmentStatus, CallStatus

SCORE_MIN = 0
SCORE_MAX = 5


class WhoMayApply(models.TextChoices):
    ANY = "any", _("Any organisation")
    ITU_MEMBERS = "itu_members", _("ITU members only")
    JOINT_DECLARATION = "joint_declaration", _("Organisations with a joint declaration in force")


class Call(TranslatedFieldsMixin, models.Model):
    reference = models.SlugField(_("reference"), max_length=60, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary (English)"), max_length=600)
    summary_fr = models.TextField(_("summary (French)"), max_length=600, blank=True)
    text_en = models.TextField(_("full text (English)"))
    text_fr = models.TextField(_("full text (French)"), blank=True)
    required_documents_en = models.TextField(_("required documents (English)"), blank=True)
    required_documents_fr = models.TextField(_("required documents (French)"), blank=True)
    centre_types = models.ManyToManyField(
        "centres.CentreType", related_name="calls", verbose_name=_("eligible centre types")
    )
    scopes = models.JSONField(_("eligible scopes"), default=list)
    regions = models.ManyToManyField(
        "core.Region",
        related_name="calls",
        blank=True,
        verbose_name=_("eligible regions"),
        help_text=_("Leave empty to accept every ITU-D region."),
    )
    who_may_apply = models.CharField(
        _("who may apply"), max_length=20, choices=WhoMayApply.choices, default=WhoMayApply.ANY
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes (deadline)"))
    target_reviews = models.PositiveSmallIntegerField(
        _("reviews wanted per application"), default=2
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)

    class Meta:
        ordering = ["-closes_at", "-id"]
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        permissions = [
            ("manage_call", _("Can draft calls, screen applications and assign reviewers")),
            ("decide_call", _("Can decide on applications and publish results")),
        ]
        indexes = [
            models.Index(fields=["status", "closes_at"], name="call_status_closes_idx"),
            models.Index(fields=["status", "opens_at"], name="call_status_opens_idx"),
        ]

    def __str__(self):
        return self.tr("title")

    def scope_labels(self) -> list[str]:
        return [str(Scope(s).label) for s in self.scopes]

    @property
    def is_accepting(self) -> bool:
        now = timezone.now()
        return self.status == CallStatus.OPEN and self.opens_at <= now < self.closes_at

    @property
    def is_upcoming(self) -> bool:
        return self.status == CallStatus.OPEN and timezone.now() < self.opens_at

    @property
    def total_weight(self) -> int:
        return sum(c.weight for c in self.criteria.all())


class Criterion(TranslatedFieldsMixin, models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.CharField(_("criterion (English)"), max_length=200)
    title_fr = models.CharField(_("criterion (French)"), max_length=200, blank=True)
    description_en = models.TextField(_("what reviewers look for (English)"), blank=True)
    description_fr = models.TextField(_("what reviewers look for (French)"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight (%)"))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return self.tr("title")


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
    FILE = "file", _("File")
    YES_NO = "yes_no", _("Yes or no")


class Question(TranslatedFieldsMixin, models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label_en = models.CharField(_("question (English)"), max_length=300)
    label_fr = models.CharField(_("question (French)"), max_length=300, blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    help_fr = models.TextField(_("help text (French)"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    choices_en = models.TextField(_("choices (English, one a line)"), blank=True)
    choices_fr = models.TextField(_("choices (French, one a line)"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.tr("label")

    @property
    def key(self) -> str:
        return f"q{self.pk}"

    def choice_pairs(self) -> list[tuple[str, str]]:
        """Values are the English lines (stable); labels follow the reader's language."""
        values = [c.strip() for c in self.choices_en.splitlines() if c.strip()]
        labels = [c.strip() for c in self.tr("choices").splitlines() if c.strip()]
        if len(labels) != len(values):
            labels = values
        return list(zip(values, labels, strict=True))


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


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="calls/applications/%Y/%m/",
        validators=[UploadValidator("application")],
    )
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


class ReviewAssignment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ASSIGNED,
    )
    due_at = models.DateTimeField(_("due"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    declared_at = models.DateTimeField(_("conflicts declared"), null=True, blank=True)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    shared_comment = models.TextField(_("comment shared with the secretariat"), blank=True)
    private_notes = models.TextField(_("private notes"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="assignment_one_per_reviewer"
            )
        ]
        indexes = [
            models.Index(fields=["reviewer", "status", "due_at"], name="assignment_queue_idx"),
            models.Index(fields=["application", "status"], name="assignment_app_status_idx"),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"

    @property
    def is_late(self) -> bool:
        return (
            self.status
            in (
                AssignmentStatus.ASSIGNED,
                AssignmentStatus.ACCEPTED,
            )
            and self.due_at < timezone.now()
        )


class Score(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_unique"),
            models.CheckConstraint(
                condition=models.Q(value__lte=SCORE_MAX), name="score_within_scale"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class ReminderSent(models.Model):
    """One row per reminder sent, so the deadline command can run twice without repeating."""

    key = models.CharField(max_length=120, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self):
        return self.key


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class CallExport(models.Model):
    """A file of a call's applications, reviews or ranking, built in the background."""

    KINDS = [
        ("applications", _("Applications")),
        ("reviews", _("Reviews")),
        ("ranking", _("Ranking")),
    ]
    FORMATS = [("csv", "CSV"), ("xlsx", "Excel (xlsx)")]

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(_("content"), max_length=20, choices=KINDS)
    format = models.CharField(_("format"), max_length=4, choices=FORMATS)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.FileField(_("file"), upload_to="calls/exports/%Y/%m/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self):
        return f"{self.call.reference}-{self.kind}.{self.format}"
