"""Access helpers. A user who may not see an object gets a 404, never a hint that it exists."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404


def staff_required(*perms: str):
    """The view needs a signed-in user holding every permission (through a staff role)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def require_can(user, rule: str, obj=None) -> None:
    """In a view: 403 unless the policy lets the user do this (alliance.core.policy)."""
    from .policy import can

    if not can(user, rule, obj):
        raise PermissionDenied


def get_visible_or_404(queryset, **lookup):
    """Fetch from a queryset already narrowed to what the user may see."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
