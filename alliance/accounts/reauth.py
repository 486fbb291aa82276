"""The BDT Director's decisions ask for the password again (issue 15).

A decision of the Director (selection, results, accreditation, suspension, revocation,
renewal, Board appointment, category change, recognition) is posted like any form. If the
Director has not confirmed the password in the last ACCOUNT_REAUTHENTICATION_TIMEOUT
seconds, allauth's reauthentication takes over: the post is kept in the session, the
Director is asked for the password (a wrong one is refused there, saying so, and the post
stays kept), and once it is right allauth replays the post, so nothing typed is lost. A
confirmation in the last few minutes is enough, as for API tokens (ADR 0018), so a
Director deciding a list of applications types the password once.

The services do not change: this is how the pages prove who posts. The API's own door is
the write token (ADR 0018).
"""

from functools import wraps

from allauth.account.internal.flows.reauthentication import (
    is_reauthentication_required,
    reauthenticate_by_password,
)
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.utils.translation import gettext as _

from alliance.core.guard import stale_response
from alliance.core.policy import can


def decision_needs_password(view=None, *, rule=None, when=None):
    """Wrap a view whose POST records a Director's decision. Only someone who passes
    `rule` is asked (anyone else gets the view's own refusal); `when(request, **kwargs)`
    narrows it to the posts that are decisions (a page serving several roles' steps)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if (
                request.method == "POST"
                and request.user.is_authenticated
                and (rule is None or can(request.user, rule))
                and (when is None or when(request, **kwargs))
            ):
                if is_reauthentication_required(request, app=""):
                    messages.info(
                        request,
                        _(
                            "A decision of the BDT Director needs your password again. What "
                            "you sent is kept: it is recorded as soon as you confirm."
                        ),
                    )
                    raise ReauthenticationRequired()
                # After the password, allauth replays the kept post straight into the view:
                # the page may have been changed by someone else meanwhile.
                stale = stale_response(request)
                if stale is not None:
                    return stale
            return view(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator


def remember_password_confirmed(request) -> None:
    """A password typed on a page (the countersignature) counts as a recent confirmation."""
    reauthenticate_by_password(request)
