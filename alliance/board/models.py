import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.i18n import TranslatedFieldsMixin

from .states import DecisionStatus, ExpertStatus, MeetingStatus, NominationStatus, SeatStatus


class SeatCategory(models.TextChoices):
    MEMBER_STATE = "member_state", _("Nominated Member State representative")
    SECTOR_MEMBER = "sector_member", _("Nominated Sector Member representative")
    ACADEMIA = "academia", _("Nominated Academia representative")
    LEADER = "leader", _("Designated eminent leader")
    EXPERT = "expert", _("Designated recognised expert")
    PARTNER = "partner", _("Designated strategic partner representative")


NOMINATED_CATEGORIES = [
    SeatCategory.MEMBER_STATE,
    SeatCategory.SECTOR_MEMBER,
    SeatCategory.ACADEMIA,
]
DESIGNATED_CATEGORIES = [SeatCategory.LEADER, SeatCategory.EXPERT, SeatCategory.PARTNER]


class BoardRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")


ROLE_ORDER = {BoardRole.CHAIR: 0, BoardRole.CO_CHAIR: 1, BoardRole.MEMBER: 2}


class BoardMember(models.Model):
    """One seat held by one person for one term. A renewed term extends the same row."""

    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("title"), max_length=250)
    email = models.EmailField(_("email address"), blank=True)
    country = CountryField(_("country"), blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    biography = models.TextField(_("biography"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=SeatCategory.choices)
    nominating_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_seats",
        verbose_name=_("nominating entity"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=BoardRole.choices, default=BoardRole.MEMBER
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("Leave empty for an ex officio seat.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SeatStatus.choices, default=SeatStatus.ACTIVE
    )
    ended_on = models.DateField(_("last day on the Board"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_seats",
        verbose_name=_("user account"),
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(_("term reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("Board member")
        verbose_name_plural = _("Board members")
        permissions = [
            ("manage_board", "Can run the Board secretariat"),
            ("appoint_board_member", "Can approve nominations and designate Board members"),
        ]
        indexes = [
            models.Index(fields=["term_start", "term_end"], name="board_member_term_idx"),
            models.Index(fields=["status", "term_end"], name="board_member_status_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True)
                | models.Q(term_end__gte=models.F("term_start")),
                name="board_member_term_order",
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def represents(self) -> str:
        return self.organisation_name or (self.country.name if self.country else "")

    @property
    def last_day(self):
        return self.ended_on or self.term_end

    @property
    def is_designated(self) -> bool:
        return self.category in DESIGNATED_CATEGORIES


def cv_upload_to(instance, filename):
    # An unguessable folder: if MEDIA_ROOT is ever served directly, CVs still cannot be
    # found by guessing; the pages serve them only after an access check.
    return f"board/cv/{secrets.token_urlsafe(16)}/{filename}"


class Nomination(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="board_nominations",
        verbose_name=_("nominating entity"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    nominee_name = models.CharField(_("nominee's full name"), max_length=200)
    nominee_title = models.CharField(
        _("nominee's title"), max_length=250, help_text=_("For example: Minister of ICT.")
    )
    nominee_email = models.EmailField(_("nominee's email address"))
    biography = models.TextField(_("biography"))
    cv = models.FileField(_("CV"), upload_to=cv_upload_to)
    proposed_term_start = models.DateField(_("proposed term start"))
    proposed_term_end = models.DateField(_("proposed term end"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.SUBMITTED,
        db_index=True,
    )
    eligible = models.BooleanField(_("eligible"), null=True)
    eligibility_note = models.TextField(_("eligibility check"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    member = models.OneToOneField(
        BoardMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nomination",
        verbose_name=_("seat"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return f"{self.nominee_name} ({self.organisation})"


class MeetingKind(models.TextChoices):
    ANNUAL = "annual", _("Annual meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class Meeting(TranslatedFieldsMixin, models.Model):
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
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
        return self.title_en

    @property
    def title(self) -> str:
        return self.tr("title")


class AgendaItem(TranslatedFieldsMixin, models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title_en = models.CharField(_("title (English)"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.order}. {self.title_en}"

    @property
    def title(self) -> str:
        return self.tr("title")


def paper_upload_to(instance, filename):
    return f"board/papers/{instance.meeting_id}/{secrets.token_urlsafe(16)}/{filename}"


class MeetingDocument(models.Model):
    """A Board paper. Served only through the members' area, never from MEDIA_URL."""

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
    file = models.FileField(_("file"), upload_to=paper_upload_to)
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


class Decision(TranslatedFieldsMixin, models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.GENERAL
    )
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"))
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

    @property
    def text(self) -> str:
        return self.tr("text")


class ExpertArea(TranslatedFieldsMixin, models.Model):
    """The seven areas the Board set for the Expert Network (July 2025)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)

    class Meta:
        ordering = ["order"]
        verbose_name = _("Expert Network area")
        verbose_name_plural = _("Expert Network areas")

    def __str__(self):
        return self.name


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available")
    LIMITED = "limited", _("Limited availability")
    UNAVAILABLE = "unavailable", _("Not available at the moment")


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")
    AR = "ar", _("Arabic")
    ES = "es", _("Spanish")
    RU = "ru", _("Russian")
    ZH = "zh", _("Chinese")
    PT = "pt", _("Portuguese")


class Expert(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_profile",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"), unique=True)
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    country = CountryField(_("country"), blank=True)
    areas = models.ManyToManyField(
        ExpertArea, related_name="experts", blank=True, verbose_name=_("areas")
    )
    expertise = models.TextField(_("expertise"), blank=True)
    # Stored as ",en,fr," so that one language can be matched with a LIKE.
    languages = models.CharField(_("languages"), max_length=60, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExpertStatus.choices,
        default=ExpertStatus.APPLIED,
        db_index=True,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.CharField(_("note"), max_length=300, blank=True)
    invitation_token = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.full_name

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_labels(self) -> list[str]:
        return [str(Language(code).label) for code in self.language_codes if code in Language]

    @staticmethod
    def pack_languages(codes) -> str:
        return "," + ",".join(sorted(set(codes))) + "," if codes else ""
