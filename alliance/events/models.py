"""Community events, webinars and workshops; the questions asked at registration, the
registrations themselves, and the materials and recordings published after the event."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.i18n import TranslatedField
from alliance.core.uploads import UploadValidator

from .states import EventStatus, RegistrationStatus


class EventKind(models.TextChoices):
    COMMUNITY = "community", _("Community event")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class Event(models.Model):
    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, max_length=10_000)
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    # Shown only to the people registered (and the organisers).
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Zurich")
    capacity = models.PositiveIntegerField(_("capacity"))
    # The codes of the languages the event is held in, as ",en,fr," (a filter is one LIKE).
    languages = models.CharField(_("languages of the event"), max_length=100, blank=True)
    members_only = models.BooleanField(
        _("only for members of organisations that joined the Alliance"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCal SEQUENCE, bumped on changes
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # the creator's account may be deleted; the event stays valid
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("manage_event", _("Can create and run community events"))]
        indexes = [models.Index(fields=["status", "ends_at"], name="event_status_end_idx")]

    def __str__(self):
        return self.title.get("en", "")

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()


class Question(models.Model):
    """A question asked at registration ("Your organisation's sector", "Accessibility
    needs"), answered in free text."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = TranslatedField(_("question"), max_length=300)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["event", "order", "id"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self):
        return self.text.get("en", "")


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    # The organisation the person registered for (a member of it), for its focal point.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    # {question id (str): answer}
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One live registration per person and event; a cancelled one may be followed
            # by a new one.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_live",
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="registration_queue_idx")
        ]

    def __str__(self):
        return f"{self.user} @ {self.event}"


class MaterialKind(models.TextChoices):
    RECORDING = "recording", _("Recording")
    SLIDES = "slides", _("Slides")
    DOCUMENT = "document", _("Document")
    LINK = "link", _("Link")


class Material(models.Model):
    """Published after the event: a link (a recording on a video site) or an uploaded file,
    perhaps tied to a lesson of the lessons library."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("kind"), max_length=10, choices=MaterialKind.choices)
    title = TranslatedField(_("title"), max_length=250)
    url = models.URLField(_("link"), blank=True)
    file = PrivateFileField(
        _("file"),
        folder="events/materials",
        name_field="original_name",
        blank=True,
        validators=[UploadValidator("paper")],
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    lesson = models.ForeignKey(
        "monitoring.LessonLearned",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_materials",
        verbose_name=_("lesson learned"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title.get("en", "")
