"""Who must use two-factor authentication: BDT staff when REQUIRE_STAFF_MFA is on, and
reviewers and Board members when the Director requires it (SecurityPolicy). The pages
(middleware.StaffMfaMiddleware) and the API (auth.TokenAuth) ask the same question."""

from allauth.mfa.models import Authenticator
from django.conf import settings

from .models import SecurityPolicy
from .roles import StaffRole, has_role, is_staff_member


def is_staff_rule(user) -> bool:
    return bool(settings.REQUIRE_STAFF_MFA) and (is_staff_member(user) or user.is_superuser)


def is_reviewer_or_board(user) -> bool:
    return has_role(user, StaffRole.REVIEWER, StaffRole.BOARD_MEMBER)


def mfa_required(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if is_staff_rule(user):
        return True
    return is_reviewer_or_board(user) and SecurityPolicy.current().require_reviewer_board_mfa


def has_mfa(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def must_enrol(user) -> bool:
    return mfa_required(user) and not has_mfa(user)
