"""What the Board's views share."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from alliance.accounts.reauth import decision_needs_password
from alliance.core.access import require_can


def requires(rule: str):
    """The view needs a signed-in person who passes the policy rule (403 otherwise)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            require_can(request.user, rule)
            return inner(request, *args, **kwargs)

        # The Director's pages record decisions: the password again (accounts/reauth.py).
        inner = decision_needs_password(view) if rule == APPOINT else view
        return wrapped

    return decorator


MANAGE = "board.manage"  # the secretariat's pages
APPOINT = "board.appoint"  # the Director's pages
