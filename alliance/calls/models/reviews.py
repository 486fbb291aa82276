"""Review assignments, their scores, and the reminders the deadline command sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..states import ASSIGNMENT_ACTIVE, AssignmentStatus
from .applications import Application
from .calls import Criterion

SCORE_MIN = 0
SCORE_MAX = 5


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
        permissions = [("review_application", _("Can be asked to review applications"))]
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
        return self.status in ASSIGNMENT_ACTIVE and self.due_at < timezone.now()

    @property
    def is_recused(self) -> bool:
        return self.status == AssignmentStatus.RECUSED


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
