from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.centres.models import Ownership
from alliance.core.files import PrivateFileField
from alliance.core.languages import LanguageField
from alliance.core.models import Scope

from .states import AssessmentStatus, DeclarationStatus, ExpressionStatus, SectionStatus


class Instrument(models.TextChoices):
    HOST_CENTRE = "host_centre", _("Host an acceleration centre")
    JOIN_BOARD = "join_board", _("Join the Digital Innovation Board")
    PARTNER = "partner", _("Become a partner")
    LAB_SUPPORT = "lab_support", _("Request support from the Digital Transformation Lab")


class Pillar(models.TextChoices):
    """The Ecosystem Assessment Canvas pillars."""

    VISION = "vision", _("Vision & Strategy")
    TALENT = "talent", _("Talent & Champions")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure & Programmes")
    CAPITAL = "capital", _("Capital & Resources")
    MARKET = "market", _("Market & Networks")
    CULTURE = "culture", _("Culture & Communities")
    POLICY = "policy", _("Policy & Regulation")


class Rating(models.TextChoices):
    ADEQUATE = "adequate", _("Adequate")
    SOME = "some", _("Some")
    INADEQUATE = "inadequate", _("Inadequate")


class FundingSource(models.TextChoices):
    GOVERNMENT = "government", _("Government budget")
    REGULATOR = "regulator", _("Regulator or universal service fund")
    ACADEMIA = "academia", _("University or research institution")
    PRIVATE = "private", _("Private sector")
    DEVELOPMENT = "development", _("Development partners and donors")
    OWN = "own", _("The organisation's own resources")


class Sponsor(models.TextChoices):
    HOST_COUNTRY = "host_country", _("The host country")
    ACADEMIA = "academia", _("An ITU Academia member")
    HOST_ORGANISATION = "host_organisation", _("The host organisation's existing resources")


class Section(models.TextChoices):
    ECOSYSTEM = "ecosystem", _("Ecosystem Assessment Canvas")
    HUMAN = "human", _("Human resources")
    FINANCIAL = "financial", _("Financial resources")
    PROFILE = "profile", _("Centre profile")


class ExpressionOfInterest(models.Model):
    """Step 1 of joining: an organisation states its interest in the Alliance."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="expressions_of_interest",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExpressionStatus.choices,
        default=ExpressionStatus.DRAFT,
    )
    instruments = models.JSONField(_("instruments"), default=list)
    centre_types = models.ManyToManyField(
        "centres.CentreType", blank=True, related_name="+", verbose_name=_("envisaged centre types")
    )
    objectives = models.ManyToManyField(
        "core.StrategicObjective", blank=True, related_name="+", verbose_name=_("objectives")
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("acknowledged or declined"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        permissions = [
            ("view_joining", _("Can see every organisation's joining requests")),
            ("handle_joining", _("Can acknowledge, decline and draft joint declarations")),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="joining_eoi_status_idx"),
            models.Index(fields=["organisation", "-created_at"], name="joining_eoi_org_idx"),
        ]

    def __str__(self):
        return _("Expression of interest of %(organisation)s") % {"organisation": self.organisation}

    def instrument_labels(self) -> list[str]:
        return [str(Instrument(i).label) for i in self.instruments if i in Instrument.values]


class PreliminaryAssessment(models.Model):
    """Step 2: a self-assessment on the canvas pillars and the organisation's resources."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="preliminary_assessments",
        verbose_name=_("organisation"),
    )
    expression = models.OneToOneField(
        ExpressionOfInterest,
        on_delete=models.PROTECT,
        related_name="assessment",
        verbose_name=_("expression of interest"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    # pillar code -> {"rating": "adequate|some|inadequate", "evidence": "..."}
    pillars = models.JSONField(_("canvas pillars"), default=dict, blank=True)
    # [{"role": "...", "fte": 1.5}, ...]
    human_resources = models.JSONField(_("human resources"), default=list, blank=True)
    annual_budget_usd = models.PositiveIntegerField(
        _("annual operating budget (USD)"), null=True, blank=True
    )
    funding_sources = models.JSONField(_("sources of funding"), default=list, blank=True)
    years_secured = models.PositiveSmallIntegerField(_("years secured"), null=True, blank=True)
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, blank=True)
    ownership = models.CharField(
        _("ownership model"), max_length=20, choices=Ownership.choices, blank=True
    )
    sponsor = models.CharField(_("sponsor"), max_length=20, choices=Sponsor.choices, blank=True)
    flagship_initiatives = models.PositiveSmallIntegerField(
        _("flagship initiatives"), null=True, blank=True
    )
    section_status = models.JSONField(_("section status"), default=dict, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # The cost model version its estimate uses: the one in effect when it was submitted
    # (a draft follows the current one), so the estimate stays what it was.
    cost_model = models.ForeignKey(
        "centres.CostModelVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cost model version"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("preliminary assessment")
        verbose_name_plural = _("preliminary assessments")
        permissions = [("review_assessment", _("Can review preliminary assessments"))]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="joining_pa_status_idx"),
        ]

    def __str__(self):
        return _("Preliminary assessment of %(organisation)s") % {"organisation": self.organisation}

    @property
    def is_draft(self) -> bool:
        return self.status == AssessmentStatus.DRAFT

    def status_of(self, section: str) -> str:
        return self.section_status.get(section, SectionStatus.NOT_STARTED)

    @property
    def is_complete(self) -> bool:
        return all(self.status_of(s) == SectionStatus.COMPLETED for s in Section.values)

    @property
    def total_fte(self) -> float:
        return round(sum(float(r.get("fte") or 0) for r in self.human_resources), 2)


class JointDeclaration(models.Model):
    """Step 3: the joint declaration with BDT, signed by both sides."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="joint_declarations",
        verbose_name=_("organisation"),
    )
    assessment = models.ForeignKey(
        PreliminaryAssessment,
        on_delete=models.PROTECT,
        related_name="declarations",
        verbose_name=_("preliminary assessment"),
    )
    centre_type = models.ForeignKey(
        "centres.CentreType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("envisaged centre type"),
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    commitments = models.TextField(
        _("additional commitments"),
        blank=True,
        help_text=_("Added to the standard commitments of both parties."),
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=DeclarationStatus.choices,
        default=DeclarationStatus.DRAFTED,
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    drafted_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signatory_name = models.CharField(_("signatory's full name"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("signed by the organisation"), null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    countersigned_at = models.DateTimeField(_("countersigned"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    language = LanguageField(_("language of the document"))
    # The frozen PDF; downloaded as joint-declaration-<id>.pdf.
    document = PrivateFileField(_("document"), folder="declarations", blank=True)
    sha256 = models.CharField(_("SHA-256 fingerprint"), max_length=64, blank=True, db_index=True)
    # The SHA-256 of the signed terms (fingerprint.py): printed on the original itself,
    # which cannot print the hash of its own file (docs/decisions/0026).
    terms_sha256 = models.CharField(
        _("fingerprint of the signed terms"), max_length=64, blank=True, db_index=True
    )

    class Meta:
        ordering = ["-drafted_at", "-id"]
        verbose_name = _("joint declaration")
        verbose_name_plural = _("joint declarations")
        permissions = [("countersign_declaration", _("Can countersign joint declarations"))]
        indexes = [
            models.Index(fields=["organisation", "status"], name="joining_jd_org_status_idx"),
            models.Index(fields=["status", "signed_at"], name="joining_jd_status_idx"),
        ]

    def __str__(self):
        return _("Joint declaration with %(organisation)s") % {"organisation": self.organisation}

    @property
    def needs_signatory(self) -> bool:
        """Drafted, and the organisation has nobody who may sign it: its focal point must
        invite an authorised signatory first (one query)."""
        return self.status == DeclarationStatus.DRAFTED and not organisation_has_signatory(
            self.organisation_id
        )

    @property
    def in_force(self) -> bool:
        return self.status == DeclarationStatus.IN_FORCE

    @property
    def has_document(self) -> bool:
        """A withdrawn declaration has no document to read: it never came into force."""
        return self.status != DeclarationStatus.WITHDRAWN


def organisation_has_signatory(organisation_id) -> bool:
    from alliance.accounts.models import Membership, MembershipRole

    return Membership.objects.filter(
        organisation_id=organisation_id, role=MembershipRole.SIGNATORY, user__is_active=True
    ).exists()
