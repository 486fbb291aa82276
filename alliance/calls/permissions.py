"""Access-checked fetches: anything the user may not see is a 404."""

from django.http import Http404

from alliance.core.access import get_visible_or_404
from alliance.core.policy import can

from .models import Application, Call, ReviewAssignment
from .states import AssignmentStatus


def get_own_application(user, pk: int, *, write: bool = False) -> Application:
    """Applicant pages only (staff go through their own pages): any member of the
    organisation reads; with write, only its focal points and signatories get it."""
    queryset = Application.objects.select_related("call", "organisation", "proposed_centre_type")
    application = get_visible_or_404(
        queryset.filter(organisation__memberships__user=user).distinct(), pk=pk
    )
    if write and not can(user, "calls.application.manage", application):
        raise Http404
    return application


def get_staff_call(user, pk: int) -> Call:
    if not can(user, "calls.staff"):
        raise Http404
    return get_visible_or_404(Call.objects.all(), pk=pk)


def get_staff_application(user, pk: int) -> Application:
    if not can(user, "calls.staff"):
        raise Http404
    queryset = Application.objects.select_related("call", "organisation", "proposed_centre_type")
    return get_visible_or_404(queryset, pk=pk)


def get_assignment_for(user, pk: int) -> ReviewAssignment:
    """A reviewer's own assignment; once recused, it is gone for them (404)."""
    if not can(user, "calls.reviewer"):
        raise Http404
    queryset = (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=AssignmentStatus.RECUSED)
        .select_related("application__call", "application__organisation")
    )
    return get_visible_or_404(queryset, pk=pk)
