"""Board meetings: agenda, papers, attendance and decisions."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.i18n import TranslatedField
from alliance.core.uploads import UploadValidator

from ..states import DecisionStatus, MeetingStatus
from .seats import BoardMember


class MeetingKind(models.TextChoices):
    ANNUAL = "annual", _("Annual meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class Meeting(models.Model):
    title = TranslatedField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=15, choices=MeetingKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Zurich")
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCal SEQUENCE, bumped on changes
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("Board meeting")
        verbose_name_plural = _("Board meetings")

    def __str__(self):
        return self.title.get("en", "")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = TranslatedField(_("title"), max_length=250)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.order}. {self.title.get('en', '')}"


def paper_upload_to(instance, filename):
    # Only the first migrations still name this; papers now get random names (core/files.py).
    return f"board/papers/{instance.meeting_id}/{secrets.token_urlsafe(16)}/{filename}"


class MeetingDocument(models.Model):
    """A Board paper. Served only through the members' area (no URL serves the storage)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("agenda item"),
    )
    title = models.CharField(_("title"), max_length=250)
    file = PrivateFileField(
        _("file"),
        folder="board/papers",
        name_field="original_name",
        validators=[UploadValidator("paper")],
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("Board paper")
        verbose_name_plural = _("Board papers")

    def __str__(self):
        return self.title


class AttendanceStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(
        _("attendance"),
        max_length=10,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.INVITED,
    )
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)

    class Meta:
        ordering = ["member__full_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.member} @ {self.meeting}"


class DecisionMethod(models.TextChoices):
    CONSENSUS = "consensus", _("Consensus")
    VOTE = "vote", _("Vote")


class DecisionKind(models.TextChoices):
    GENERAL = "general", _("Decision")
    CO_CHAIR_ELECTION = "co_chair_election", _("Election of the co-chairs")


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.GENERAL
    )
    text = TranslatedField(_("text"), multiline=True)
    method = models.CharField(_("adopted by"), max_length=10, choices=DecisionMethod.choices)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    follow_up_owner = models.CharField(_("follow-up owner"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DecisionStatus.choices, default=DecisionStatus.OPEN
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    elected = models.ManyToManyField(
        BoardMember, blank=True, related_name="elections", verbose_name=_("elected co-chairs")
    )

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="decision_unique_number")
        ]
        indexes = [
            models.Index(fields=["is_published", "published_at"], name="decision_published_idx")
        ]

    def __str__(self):
        return f"{self.meeting} – {self.number}"
