"""Calls for applications: the text, eligibility, criteria and questions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedField
from alliance.core.kernel import CurrentState
from alliance.core.models import Scope

from ..states import CALL_PUBLIC, CallStatus


class WhoMayApply(models.TextChoices):
    ANY = "any", _("Any organisation")
    ITU_MEMBERS = "itu_members", _("ITU members only")
    JOINT_DECLARATION = "joint_declaration", _("Organisations with a joint declaration in force")


class Call(CurrentState, models.Model):
    reference = models.SlugField(_("reference"), max_length=60, unique=True)
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), multiline=True, max_length=600)
    text = TranslatedField(_("full text"), multiline=True)
    required_documents = TranslatedField(_("required documents"), multiline=True, blank=True)
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
        return str(self.title)

    def scope_labels(self) -> list[str]:
        return [str(Scope(s).label) for s in self.scopes]

    @property
    def is_accepting(self) -> bool:
        now = timezone.now()
        return self.status == CallStatus.OPEN and self.opens_at <= now < self.closes_at

    @property
    def next_change(self):
        """When the call changes by itself next (it opens, then closes), or None."""
        if self.status != CallStatus.OPEN:
            return None
        now = timezone.now()
        if now < self.opens_at:
            return self.opens_at
        return self.closes_at if now < self.closes_at else None

    @property
    def is_closed(self) -> bool:
        """Closed to applications, not yet in review: from the deadline on, recorded or not."""
        return self.current_status == CallStatus.CLOSED

    @property
    def is_upcoming(self) -> bool:
        return self.status == CallStatus.OPEN and timezone.now() < self.opens_at

    # What pages show about the call's state (what a person may do: kernel.allowed_actions).
    # `current_status` (CurrentState) is closed from the second the deadline passes.
    @property
    def is_public(self) -> bool:
        return self.status in CALL_PUBLIC

    @property
    def is_open(self) -> bool:
        return self.current_status == CallStatus.OPEN

    @property
    def has_results(self) -> bool:
        return self.status == CallStatus.RESULTS_PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == CallStatus.CANCELLED

    @property
    def total_weight(self) -> int:
        return sum(c.weight for c in self.criteria.all())


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = TranslatedField(_("criterion"), max_length=200)
    description = TranslatedField(_("what reviewers look for"), multiline=True, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight (%)"))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return str(self.title)


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
    FILE = "file", _("File")
    YES_NO = "yes_no", _("Yes or no")


class Question(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label = TranslatedField(_("question"), max_length=300)
    help = TranslatedField(_("help text"), multiline=True, blank=True)
    required = models.BooleanField(_("required"), default=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    choices = TranslatedField(_("choices (one a line)"), multiline=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return str(self.label)

    @property
    def key(self) -> str:
        return f"q{self.pk}"

    def choice_pairs(self) -> list[tuple[str, str]]:
        """Values are the English lines (stable); labels follow the reader's language."""
        values = [c.strip() for c in self.choices.get("en", "").splitlines() if c.strip()]
        labels = [c.strip() for c in str(self.choices).splitlines() if c.strip()]
        if len(labels) != len(values):
            labels = values
        return list(zip(values, labels, strict=True))
