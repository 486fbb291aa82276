"""An expired session never loses what was typed (every multi-step journey uses this).

A form posted by someone who is no longer signed in is kept, server side, in the new
anonymous session under the page's path, and the person is sent to sign in. Django's
login() keeps an anonymous session's data, so once signed in they land back on the same
page, which binds its form to what they had typed (`take_kept_post`) and says so. Only
posts that passed the CSRF check reach the view, so a forged post is never replayed.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict

PREFIX = "kept-post:"
SKIP = {"csrfmiddlewaretoken", "form_token", "shown_version"}


def page_key(request) -> str:
    """The page's path without the language prefix: signing in may open the page in the
    person's own language (/fr/… posted, /en/… after sign-in), and the typed text must
    follow."""
    return without_language(request.path)


def without_language(path: str) -> str:
    parts = path.split("/", 2)
    if len(parts) > 2 and parts[1] in _languages():
        path = "/" + parts[2]
    return path


def _key(request) -> str:
    return PREFIX + page_key(request)


def _languages():
    from django.conf import settings

    return {code for code, _name in settings.LANGUAGES}


def login_required_keeping_post(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            request.session[_key(request)] = {
                key: request.POST.getlist(key) for key in request.POST if key not in SKIP
            }
        return redirect_to_login(request.get_full_path())

    return wrapped


def take_kept_post(request) -> QueryDict | None:
    """What was typed on this page before signing in again, once; None if nothing."""
    if request.method != "GET":
        return None
    data = request.session.pop(_key(request), None)
    if not data:
        return None
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def kept_notice(request, kept) -> None:
    """Tell the person their typed work was kept (when it was)."""
    if kept is not None:
        from django.contrib import messages
        from django.utils.translation import gettext as _

        messages.info(
            request, _("You were signed out. What you typed is kept below: check it and save.")
        )
