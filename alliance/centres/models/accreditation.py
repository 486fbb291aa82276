import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import CurrentState

from ..states import (
    UNIQUE_CURRENT_STATUSES,
    AccreditationStatus,
    EvaluationStatus,
)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud safely
CODE_LENGTH = 12
# Bitstring Status List: at least 131,072 entries so that one index reveals nothing (W3C).
STATUS_LIST_SIZE = 131_072


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_status_list_index() -> int:
    return secrets.randbelow(STATUS_LIST_SIZE)


def unused_status_list_index() -> int:
    """A random index no accreditation holds yet. Random draws alone collide (the birthday
    bound: a few hundred accreditations make a clash likely), and a clash would surface as
    the wrong refusal; sixteen candidates checked in one query leave a chance of failure
    below (n/131,072)^16."""
    candidates = {new_status_list_index() for _ in range(16)}
    taken = set(
        Accreditation.objects.filter(status_list_index__in=candidates).values_list(
            "status_list_index", flat=True
        )
    )
    free = sorted(candidates - taken)
    if not free:  # the list is nearly full: take the lowest free index
        used = set(Accreditation.objects.values_list("status_list_index", flat=True))
        free = [i for i in range(STATUS_LIST_SIZE) if i not in used][:1]
    return secrets.choice(free) if free else new_status_list_index()


class Accreditation(CurrentState, models.Model):
    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="accreditations"
    )
    centre_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("centre type"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AccreditationStatus.choices,
        default=AccreditationStatus.ACTIVE,
    )
    verification_code = models.CharField(
        _("verification code"), max_length=CODE_LENGTH, unique=True, default=new_verification_code
    )
    status_list_index = models.PositiveIntegerField(unique=True, default=new_status_list_index)
    # The term this one renews (a reissued term points to the reissue of the term before,
    # when that was reissued by the same move).
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="successor"
    )
    # A move between types reissues every term still to run: the new row names the one it
    # replaces, whose code then verifies as "superseded by" the new code.
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
        verbose_name=_("replaces"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    status_reason = models.TextField(_("reason"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    credential_jwt = models.TextField(_("verifiable credential"), blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        constraints = [
            models.UniqueConstraint(
                fields=["centre"],
                condition=Q(status__in=UNIQUE_CURRENT_STATUSES),
                name="one_current_accreditation_per_centre",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="accreditation_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "end_date"], name="accreditation_status_end_idx"),
        ]

    def __str__(self):
        return f"{self.centre} {self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d}"

    @property
    def reissue(self):
        """The accreditation that superseded this one, or None."""
        try:
            return self.superseded_by
        except Accreditation.DoesNotExist:
            return None

    @property
    def display_code(self) -> str:
        c = self.verification_code
        return f"{c[:4]}-{c[4:8]}-{c[8:]}"


class RenewalReminder(models.Model):
    """One row per reminder sent: the unique constraint makes the command idempotent."""

    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-days_before"]
        constraints = [
            models.UniqueConstraint(
                fields=["accreditation", "days_before"], name="reminder_once_per_step"
            )
        ]

    def __str__(self):
        return f"{self.accreditation} −{self.days_before}d"


class RenewalEvaluation(models.Model):
    accreditation = models.OneToOneField(
        Accreditation, on_delete=models.CASCADE, related_name="renewal"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.SELF_REPORT_DUE,
    )
    self_report = models.TextField(_("self-report"), blank=True)
    self_reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    self_reported_at = models.DateTimeField(null=True, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    evaluation_note = models.TextField(_("evaluation"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evaluated_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("renewal evaluation")
        verbose_name_plural = _("renewal evaluations")

    def __str__(self):
        return f"{self.accreditation} ({self.get_status_display()})"

    @property
    def total_score(self) -> int:
        return sum(int(v) for v in self.scores.values())
