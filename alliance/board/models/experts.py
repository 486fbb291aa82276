"""The Expert Network: areas of expertise and the experts in them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.i18n import TranslatedField

from ..states import ExpertStatus


class ExpertArea(models.Model):
    """The seven areas the Board set for the Expert Network (July 2025)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = TranslatedField(_("name"), max_length=200)

    class Meta:
        ordering = ["order"]
        verbose_name = _("Expert Network area")
        verbose_name_plural = _("Expert Network areas")

    def __str__(self):
        return str(self.name)


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
    def awaiting_decision(self) -> bool:
        return self.status == ExpertStatus.APPLIED

    @property
    def in_network(self) -> bool:
        return self.status == ExpertStatus.APPROVED

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_labels(self) -> list[str]:
        return [str(Language(code).label) for code in self.language_codes if code in Language]

    @staticmethod
    def pack_languages(codes) -> str:
        return "," + ",".join(sorted(set(codes))) + "," if codes else ""
