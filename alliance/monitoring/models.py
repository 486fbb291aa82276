from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField
from alliance.core.i18n import TranslatedField
from alliance.core.languages import LanguageField
from alliance.core.uploads import UploadValidator

from .states import EDITABLE_STATES, LESSON_TAG, REPORT_TAG, LessonStatus, ReportStatus


class Unit(models.TextChoices):
    COUNT = "count", _("Count (whole number)")
    PERCENT = "percent", _("Percentage (0 to 100)")
    USD = "usd", _("US dollars")
    NUMBER = "number", _("Number")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(models.Model):
    """One measure in the catalogue, under a strategic objective; the Lab maintains it."""

    objective = models.ForeignKey(
        "core.StrategicObjective",
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("strategic objective"),
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = TranslatedField(_("name"), max_length=200)
    definition = TranslatedField(_("definition"), multiline=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["objective__order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        permissions = [
            (
                "manage_indicators",
                _("Can keep the indicator catalogue, reporting schedules and centres' indicators"),
            )
        ]

    def __str__(self):
        return str(self.name)

    @property
    def summable(self) -> bool:
        """Counts and amounts add up across centres; percentages do not."""
        return self.unit in (Unit.COUNT, Unit.USD)


def plain(value: Decimal) -> str:
    """60.00 -> "60", 2.50 -> "2.5" (never "6E+1", which is what normalize() alone gives)."""
    return format(value.normalize(), "f")


def check_value(unit: str, value: Decimal) -> str | None:
    """The reason a value does not fit the unit, or None. Shared by forms and services."""
    # gettext by its own name, so that makemessages finds the messages.
    from django.utils.translation import gettext

    if unit == Unit.PERCENT and not (0 <= value <= 100):
        return gettext("A percentage is between 0 and 100.")
    if unit == Unit.COUNT and (value < 0 or value != value.to_integral_value()):
        return gettext("A count is a whole number, 0 or more.")
    if unit == Unit.USD and value < 0:
        return gettext("An amount in US dollars cannot be negative.")
    return None


class CentreIndicator(models.Model):
    """An indicator a centre reports on, with its baseline and target."""

    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="monitored_indicators"
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="centre_uses", verbose_name=_("indicator")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(
        _("target year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )

    class Meta:
        ordering = ["indicator__objective__order", "indicator__code"]
        verbose_name = _("centre indicator")
        verbose_name_plural = _("centre indicators")
        constraints = [
            models.UniqueConstraint(fields=["centre", "indicator"], name="centre_indicator_unique")
        ]

    def __str__(self):
        return f"{self.centre_id}: {self.indicator_id}"


class ReportingSchedule(models.Model):
    """How often a centre reports; without one a centre reports annually from its listing."""

    centre = models.OneToOneField(
        "centres.Centre", on_delete=models.CASCADE, related_name="reporting_schedule"
    )
    period_months = models.PositiveSmallIntegerField(
        _("reporting period"),
        choices=[(12, _("Annual")), (6, _("Half-yearly")), (3, _("Quarterly"))],
        default=12,
    )
    first_period_start = models.DateField(_("first period starts"))
    due_days = models.PositiveSmallIntegerField(
        _("days to report after the period ends"),
        default=60,
        validators=[MinValueValidator(7), MaxValueValidator(180)],
    )

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self):
        return f"{self.centre_id}: {self.period_months}"


class ReportingPeriod(models.Model):
    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="reporting_periods"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    due_date = models.DateField(_("due date"))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["centre", "start"], name="reporting_period_unique")
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"


class CentreReport(models.Model):
    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="report")
    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="reports")
    # Copied from the period so that the late list filters on one indexed table.
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    narrative = models.TextField(_("narrative"), blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lab_comments = models.TextField(_("the Lab's comments"), blank=True)
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-due_date", "id"]
        verbose_name = _("centre report")
        verbose_name_plural = _("centre reports")
        permissions = [
            ("view_all_reports", _("Can see every centre's reports and the network dashboard")),
            ("review_report", _("Can accept centre reports or ask for changes")),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"], name="report_status_due_idx"),
            models.Index(fields=["centre", "-due_date"], name="report_centre_due_idx"),
        ]

    def __str__(self):
        return f"{self.centre} – {self.period}"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATES

    @property
    def status_tag(self) -> str:
        return REPORT_TAG.get(self.status, "tag-grey")


class IndicatorValue(models.Model):
    report = models.ForeignKey(CentreReport, on_delete=models.CASCADE, related_name="values")
    centre_indicator = models.ForeignKey(
        CentreIndicator, on_delete=models.CASCADE, related_name="values"
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "centre_indicator"], name="indicator_value_unique"
            )
        ]

    def __str__(self):
        return f"{self.centre_indicator_id}={self.value}"


class InitiativeProgress(models.Model):
    report = models.ForeignKey(
        CentreReport, on_delete=models.CASCADE, related_name="initiative_progress"
    )
    initiative = models.ForeignKey(
        "centres.FlagshipInitiative", on_delete=models.CASCADE, related_name="+"
    )
    progress = models.TextField(_("progress"))

    class Meta:
        verbose_name = _("flagship initiative progress")
        verbose_name_plural = _("flagship initiative progress")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "initiative"], name="initiative_progress_unique"
            )
        ]

    def __str__(self):
        return f"{self.report_id}: {self.initiative_id}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(CentreReport, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = PrivateFileField(
        _("file"),
        folder="monitoring/reports",
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
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self):
        return self.title


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the due date")
    AFTER = "after", _("After the due date")


class ReportReminder(models.Model):
    """One row per reminder sent: the unique constraint is the claim that makes it once."""

    report = models.ForeignKey(CentreReport, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="report_reminder_once")
        ]

    def __str__(self):
        return f"{self.report_id}: {self.kind}"


class LessonLearned(models.Model):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000)
    body = models.TextField(
        _("lesson"), help_text=_("Markdown: headings, lists, links, emphasis and tables.")
    )
    objective = models.ForeignKey(
        "core.StrategicObjective",
        on_delete=models.PROTECT,
        related_name="lessons",
        verbose_name=_("strategic objective"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("region"),
    )
    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("acceleration centre"),
    )
    language = LanguageField(_("language"))
    status = models.CharField(
        _("status"), max_length=20, choices=LessonStatus.choices, default=LessonStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    # The Lab's last review: why it asked for changes or declined (shown to the author).
    review_note = models.TextField(_("the Lab's comments"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")
        permissions = [("moderate_lessons", _("Can publish and withdraw any lesson learned"))]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="lesson_status_pub_idx"),
            models.Index(fields=["objective", "status"], name="lesson_objective_idx"),
            models.Index(fields=["region", "status"], name="lesson_region_idx"),
            models.Index(fields=["status", "submitted_at"], name="lesson_review_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def in_library(self) -> bool:
        return self.status == LessonStatus.PUBLISHED

    @property
    def status_tag(self) -> str:
        """Display only: the colour of the lesson's status tag."""
        return LESSON_TAG.get(self.status, "tag-grey")


class LessonAttachment(models.Model):
    lesson = models.ForeignKey(LessonLearned, on_delete=models.CASCADE, related_name="attachments")
    file = PrivateFileField(
        _("file"),
        folder="monitoring/lessons",
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
        verbose_name = _("lesson attachment")
        verbose_name_plural = _("lesson attachments")

    def __str__(self):
        return self.filename

    @property
    def filename(self) -> str:
        return self.original_name or self.file.name.rsplit("/", 1)[-1]
