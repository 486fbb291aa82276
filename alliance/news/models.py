"""Announcements, pilot countries and the newsletter's subscribers with their consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.i18n import TranslatedField
from alliance.core.kernel import CurrentState

from .states import AnnouncementStatus, PilotStatus, SubscriberStatus


class Category(models.TextChoices):
    CALLS = "calls", _("Calls")
    RESULTS = "results", _("Results")
    CENTRES = "centres", _("Centres")
    BOARD = "board", _("Board")
    EVENTS = "events", _("Events")


class Pilot(CurrentState, models.Model):
    """A pilot country (or a pilot centre in it), designated by the BDT Director."""

    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="pilots", verbose_name=_("country")
    )
    # Referenced by name: the centres app sits above this one and shows the pilots.
    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("centre"),
    )
    rationale = TranslatedField(_("rationale"), multiline=True, max_length=5000)
    designated_on = models.DateField(_("designated on"))
    status = models.CharField(
        _("status"), max_length=20, choices=PilotStatus.choices, default=PilotStatus.DESIGNATED
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    designated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-designated_on", "-id"]
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        permissions = [("designate_pilot", "Can designate pilot countries and centres")]

    def __str__(self):
        if self.centre_id:
            return f"{self.centre} ({self.country})"
        return str(self.country)


class Announcement(CurrentState, models.Model):
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), max_length=500, blank=True)
    body = TranslatedField(
        _("text"),
        multiline=True,
        max_length=20_000,
        help_text=_("Markdown: *emphasis*, **bold**, lists, [links](https://…). No HTML."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AnnouncementStatus.choices,
        default=AnnouncementStatus.DRAFT,
    )
    publish_at = models.DateTimeField(_("publication date"), null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # What the announcement is about (each optional).
    call = models.ForeignKey(
        "calls.Call",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("call"),
    )
    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("centre"),
    )
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    pilot = models.ForeignKey(
        Pilot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announcements",
        verbose_name=_("pilot"),
    )
    # "call.published:12": the event that proposed this draft, so it is proposed once.
    proposed_by = models.CharField(max_length=100, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        permissions = [("manage_news", "Can write and publish announcements")]
        constraints = [
            models.UniqueConstraint(
                fields=["proposed_by"],
                condition=~models.Q(proposed_by=""),
                name="announcement_proposed_once",
            )
        ]

    def __str__(self):
        return self.title.get("en", "")


class Subscriber(CurrentState, models.Model):
    """A newsletter reader: an address, the language of their digest and its categories."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=10)
    categories = models.JSONField(_("categories"), default=list)
    status = models.CharField(
        max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # The digest covers announcements published after this moment.
    last_digest_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self):
        return self.email


class Consent(models.Model):
    """What a subscriber agreed to (or withdrew), when, in which words and from which form.
    Kept when they unsubscribe: it is the proof of what they had accepted."""

    GIVEN, CONFIRMED, WITHDRAWN = "given", "confirmed", "withdrawn"
    ACTIONS = [
        (GIVEN, _("Consent given")),
        (CONFIRMED, _("Address confirmed")),
        (WITHDRAWN, _("Consent withdrawn")),
    ]

    subscriber = models.ForeignKey(Subscriber, on_delete=models.PROTECT, related_name="consents")
    action = models.CharField(max_length=20, choices=ACTIONS)
    at = models.DateTimeField()
    text = models.TextField(blank=True)
    language = models.CharField(max_length=10)
    form = models.CharField(max_length=200)
    categories = models.JSONField(default=list)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.subscriber_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
