"""An expired session must never lose typed work.

When a form is posted by someone who is no longer signed in, the posted fields are kept in
the (new, anonymous) session under the page's path; the sign-in page sends them back to
the same page, which shows the form filled in again. Django's login() keeps the session
data of an anonymous session, so the stash survives signing in.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict

PREFIX = "joining-stash:"


def login_required_keeping_post(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            request.session[PREFIX + request.path] = {
                key: request.POST.getlist(key)
                for key in request.POST
                if key != "csrfmiddlewaretoken"
            }
        return redirect_to_login(request.get_full_path())

    return wrapped


def pop_stash(request) -> QueryDict | None:
    data = request.session.pop(PREFIX + request.path, None)
    if not data:
        return None
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query
