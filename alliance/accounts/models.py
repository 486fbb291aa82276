import hashlib
import secrets
from functools import cache
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.kernel import CurrentState
from alliance.core.languages import LanguageField

from . import access_cache


def new_access_version() -> str:
    return access_cache.new_version()


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    # A callable, so the migration does not freeze one machine's tz database.
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """People sign in with their email address; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    preferred_language = LanguageField(_("preferred language"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        blank=True,
        help_text=_("IANA name, for example Africa/Nairobi. Blank: times in UTC."),
    )

    # Kept by the notifications app: the header shows it on every page without a query.
    unread_notifications = models.PositiveIntegerField(_("unread notifications"), default=0)
    # Moved (to a new random value) by every change of groups, permissions or memberships,
    # in the same transaction: roles and permissions are kept under it between requests
    # (alliance/accounts/access_cache.py).
    access_version = models.CharField(max_length=16, default=new_access_version, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def role_names(self) -> set[str]:
        # Cached per request object: role checks run several times per page.
        if not hasattr(self, "_role_names"):
            self._role_names = set(
                access_cache.kept(
                    self, "roles", lambda: frozenset(self.groups.values_list("name", flat=True))
                )
            )
        return self._role_names

    def organisation_roles(self) -> dict[int, str]:
        """{organisation id: membership role}, read once per user object (one query per
        request) because the policy asks it for every button on a page."""
        if not hasattr(self, "_organisation_roles"):
            self._organisation_roles = dict(
                access_cache.kept(
                    self,
                    "memberships",
                    lambda: tuple(self.memberships.values_list("organisation_id", "role")),
                )
            )
        return self._organisation_roles

    def forget_roles(self) -> None:
        """Drop the cached roles after a change of groups or memberships."""
        for name in (
            "_role_names",
            "_organisation_roles",
            "_perm_cache",
            "_group_perm_cache",
            "_user_perm_cache",
        ):
            self.__dict__.pop(name, None)


class OrganisationKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State administration")
    REGULATOR = "regulator", _("Regulator")
    SECTOR_MEMBER = "sector_member", _("Sector Member")
    ACADEMIA = "academia", _("Academia member")
    REGIONAL_ORG = "regional_org", _("Regional or international organisation")
    UN_AGENCY = "un_agency", _("UN agency")
    COMPANY = "company", _("Private company")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class ItuMembership(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    SECTOR_MEMBER = "sector_member", _("Sector Member")
    ASSOCIATE = "associate", _("Associate")
    ACADEMIA = "academia", _("Academia")
    NONE = "none", _("Not an ITU member")


class ItuMember(models.Model):
    """An entry of ITU's own lists of members (Member States, Sector Members, Associates,
    Academia), kept by the secretariat from ITU's CSV. An organisation is an ITU member
    for the platform only once the secretariat has linked it to an entry and checked it:
    what an organisation declares about itself is not enough (calls, Board nominations)."""

    category = models.CharField(
        _("category"),
        max_length=20,
        choices=[c for c in ItuMembership.choices if c[0] != ItuMembership.NONE],
    )
    # The ISO code for a Member State; ITU's own identifier (or a slug) for the others.
    key = models.CharField(_("reference"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    active = models.BooleanField(_("on ITU's current list"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("ITU membership entry")
        verbose_name_plural = _("ITU membership list")
        constraints = [
            models.UniqueConstraint(fields=["category", "key"], name="itu_member_unique_key")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_category_display()})"


class ItuVerification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not verified")
    PENDING = "pending", _("Waiting for the secretariat's check")
    VERIFIED = "verified", _("ITU membership verified")


class Organisation(CurrentState, models.Model):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = CountryField(_("country"))
    itu_membership = models.CharField(
        _("ITU membership"),
        max_length=20,
        choices=ItuMembership.choices,
        default=ItuMembership.NONE,
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    itu_entry = models.ForeignKey(
        ItuMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("entry in ITU's list"),
    )
    itu_status = models.CharField(
        _("ITU membership check"),
        max_length=12,
        choices=ItuVerification.choices,
        default=ItuVerification.UNVERIFIED,
    )
    itu_verified_at = models.DateTimeField(_("membership verified"), null=True, blank=True)
    itu_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("manage_organisations", "Verify, merge and staff the organisations"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="organisation_unique_name")
        ]
        indexes = [models.Index(fields=["country", "name"], name="org_country_name_idx")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def is_itu_member(self) -> bool:
        """An ITU member as the secretariat checked it (not as declared)."""
        return self.verified_membership is not None

    @property
    def verified_membership(self) -> str | None:
        """The category of the checked entry in ITU's list, or None (reads the entry). An
        entry no longer on ITU's list no longer makes a member."""
        if self.itu_status != ItuVerification.VERIFIED or self.itu_entry_id is None:
            return None
        return self.itu_entry.category if self.itu_entry.active else None


class MembershipRole(models.TextChoices):
    FOCAL_POINT = "focal_point", _("Focal point")
    SIGNATORY = "signatory", _("Authorised signatory")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def can_manage(self) -> bool:
        return self.role in (MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default="pending"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.status == InvitationStatus.PENDING


TOKEN_PREFIX = "ah_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class ApiToken(models.Model):
    """A personal access token; only its SHA-256 is stored, the secret is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # docs/decisions/0018-api-token-scopes-and-mfa.md: read tokens may only GET.
    scope = models.CharField(_("access"), max_length=5, choices=TokenScope, default="read")
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE


class SecurityPolicy(models.Model):
    """One row: the security choices the Director makes in the interface (audited)."""

    require_reviewer_board_mfa = models.BooleanField(
        _("reviewers and Board members need two-factor authentication"), default=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("security policy")
        verbose_name_plural = _("security policy")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "SecurityPolicy":
        # Read on every request of a reviewer or Board member: never a write (an unsaved
        # default until the Director first saves it).
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class JoinRequestKind(models.TextChoices):
    JOIN = "join", _("Request to join")
    CLAIM = "claim", _("Request to take over")


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JoinRequest(CurrentState, models.Model):
    """A person asks to join an organisation (its focal point answers) or to take over one
    that has nobody (the secretariat answers: the person becomes its focal point)."""

    kind = models.CharField(_("kind"), max_length=8, choices=JoinRequestKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(status="pending"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"
