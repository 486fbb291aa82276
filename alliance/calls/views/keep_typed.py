"""An expired session never loses what was typed: a POST that arrives signed out is kept
in the (new, anonymous) session, and offered again once the person has signed in."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login

SESSION_KEY = "calls:kept_post"


def login_required_keeping_post(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                data = {
                    k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"
                }
                request.session[SESSION_KEY] = {"path": request.path, "data": data}
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def take_kept_post(request):
    """The data typed before signing in again, for this page, once."""
    kept = request.session.get(SESSION_KEY)
    if request.method != "GET" or not kept or kept.get("path") != request.path:
        return None
    del request.session[SESSION_KEY]
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in kept["data"].items():
        data.setlist(key, values)
    return data
