"""Access-checked fetches: anything the user may not see is a 404."""

from django.http import Http404

from alliance.accounts.models import MembershipRole
from alliance.accounts.roles import StaffRole, has_role
from alliance.core.access import get_visible_or_404

from .models import Application, Call, ReviewAssignment
from .states import AssignmentStatus


def get_application_for(user, pk: int, *, write: bool = False) -> Application:
    """The applicant's own application (any member reads; focal points and signatories
    write), or any application for secretariat and Director."""
    queryset = Application.objects.select_related("call", "organisation", "proposed_centre_type")
    if write:
        queryset = queryset.filter(
            organisation__memberships__user=user,
            organisation__memberships__role__in=[
                MembershipRole.FOCAL_POINT,
                MembershipRole.SIGNATORY,
            ],
        )
    elif not user.has_perm("calls.view_call"):
        queryset = queryset.filter(organisation__memberships__user=user)
    return get_visible_or_404(queryset.distinct(), pk=pk)


def get_own_application(user, pk: int, *, write: bool = False) -> Application:
    """Applicant pages only: staff go through their own pages."""
    queryset = Application.objects.select_related("call", "organisation", "proposed_centre_type")
    roles = [MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY] if write else None
    queryset = queryset.filter(organisation__memberships__user=user)
    if roles:
        queryset = queryset.filter(organisation__memberships__role__in=roles)
    return get_visible_or_404(queryset.distinct(), pk=pk)


def get_staff_call(user, pk: int) -> Call:
    if not user.has_perm("calls.view_call"):
        raise Http404
    return get_visible_or_404(Call.objects.all(), pk=pk)


def get_assignment_for(user, pk: int) -> ReviewAssignment:
    """A reviewer's own assignment; once recused, it is gone for them (404)."""
    if not has_role(user, StaffRole.REVIEWER):
        raise Http404
    queryset = (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=AssignmentStatus.RECUSED)
        .select_related("application__call", "application__organisation")
    )
    return get_visible_or_404(queryset, pk=pk)
