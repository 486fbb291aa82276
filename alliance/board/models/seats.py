"""Seats on the Board and the nominations that fill them."""

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.files import PrivateFileField
from alliance.core.kernel import CurrentState
from alliance.core.uploads import UploadValidator

from ..states import NominationStatus, SeatStatus


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


# Shown, never stored: a seat whose term has not started yet.
UPCOMING = "upcoming"


class BoardMember(CurrentState, models.Model):
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

    # A seat designated or approved ahead of its term is not yet held: it reads
    # "Not started" until term_start (Geneva day), not "Active".
    @property
    def current_status(self) -> str:
        from ..clock import board_today

        status = super().current_status
        if status == SeatStatus.ACTIVE and self.term_start and self.term_start > board_today():
            return UPCOMING
        return status

    def get_current_status_display(self) -> str:
        if self.current_status == UPCOMING:
            return str(_("Not started"))
        return super().get_current_status_display()

    @property
    def is_designated(self) -> bool:
        return self.category in DESIGNATED_CATEGORIES


def seated_on(day: date) -> Q:
    """The seats held on `day`: selectors list them, permissions ask whether one is yours."""
    # A seat counts from term_start to its last day (ended_on if it ended early, else
    # term_end), both inclusive, whatever the status column says: the page is right on
    # the day a term ends even before the nightly command has run.
    return (
        Q(term_start__lte=day)
        & (Q(term_end__isnull=True) | Q(term_end__gte=day))
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))
    )


def cv_upload_to(instance, filename):
    # Only the first migrations still name this; CVs now get random names (core/files.py).
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
    cv = PrivateFileField(
        _("CV"), folder="board/cv", name_field="cv_name", validators=[UploadValidator("cv")]
    )
    cv_name = models.CharField(_("CV file name"), max_length=255, blank=True)
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

    # What the nomination's page says (the buttons come from the transition table).
    @property
    def awaiting_review(self) -> bool:
        return self.status == NominationStatus.SUBMITTED

    @property
    def is_approved(self) -> bool:
        return self.status == NominationStatus.APPROVED

    @property
    def is_declined(self) -> bool:
        return self.status == NominationStatus.DECLINED
