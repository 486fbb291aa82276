"""Posting twice never makes two objects; acting on a stale page is refused, saying why.

Two hidden fields ride along with every form, added where `{% csrf_token %}` is written
(`templatetags/guard.py` replaces that tag for every template, so no form can forget):

- `form_token`, a random one-time token. The first post with it runs; its redirect is kept,
  and any later post with the same token (a double click, Back then resubmit) is sent to
  that redirect instead of running again. A post without a token (tests, the API, scripts)
  is not affected. A form answered with errors (200) frees its token for the corrected post.
- `shown_version`, on pages showing one object's actions (`{% actions obj %}`): the id of
  the last audit event of that object when the page was drawn, signed for the reader. If
  someone else has changed the object since, the post is refused with who did what when,
  and the person is sent back to the page, which shows the current state.
"""

import hashlib
import secrets
import time

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

TOKEN_FIELD = "form_token"
VERSION_FIELD = "shown_version"
SALT = "alliance.core.guard.version"
TOKEN_SECONDS = 24 * 3600
PENDING = "pending"
# How long a second click waits for the first post's answer before saying it is in hand.
WAIT_SECONDS = 8.0


def new_token() -> str:
    return secrets.token_urlsafe(18)


def version_value(obj, user) -> str:
    """The signed version of `obj` as `user` sees it now."""
    from django.contrib.contenttypes.models import ContentType

    from .models import AuditEvent

    content_type = ContentType.objects.get_for_model(obj)
    last = (
        AuditEvent.objects.filter(content_type=content_type, object_id=str(obj.pk))
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    data = {"u": getattr(user, "pk", None), "ct": content_type.pk, "pk": obj.pk, "v": last or 0}
    return signing.dumps(data, salt=SALT, compress=True)


SAME_POST_SECONDS = 120
# Signing in and out, and the language switch, are repeated on purpose.
NOT_DEDUPLICATED = ("/i18n/", "/accounts/")
# A post sent to confirm the password first (accounts/reauth.py) has not run yet: its
# token stays free, and allauth replays the kept post itself.
REAUTHENTICATE = "/accounts/reauthenticate/"


def _same_post_key(request):
    if not request.user.is_authenticated or any(p in request.path for p in NOT_DEDUPLICATED):
        return ""
    if request.FILES:
        return ""
    fields = sorted(
        (k, tuple(request.POST.getlist(k)))
        for k in request.POST
        if k not in ("csrfmiddlewaretoken", TOKEN_FIELD, VERSION_FIELD)
    )
    digest = hashlib.sha256(repr((request.path, fields)).encode()).hexdigest()
    return f"guard:same:{request.user.pk}:{digest}"


def _key(request, token):
    return f"guard:once:{getattr(request.user, 'pk', None) or 0}:{token[:64]}"


class FormGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path.startswith("/api/"):
            return self.get_response(request)
        stale = stale_response(request)
        if stale is not None:
            return stale
        token = request.POST.get(TOKEN_FIELD, "")
        if request.headers.get("X-Autosave"):
            # Autosave posts the draft again and again from the same page: it keeps the
            # token for the real submission, and its "saved" notices are not queued for
            # the next page.
            response = self.get_response(request)
            list(messages.get_messages(request))
            return response
        if not token:
            return self.get_response(request)
        key = _key(request, token)
        if not cache.add(key, PENDING, TOKEN_SECONDS):
            return self._replay(request, key)
        # Back may fetch the form again (a new token): the same person posting the very
        # same fields to the same address a moment later is the same submission.
        same = _same_post_key(request)
        if same and cache.get(same):
            cache.set(key, cache.get(same), TOKEN_SECONDS)
            return self._replay(request, key)
        try:
            response = self.get_response(request)
        except Exception:
            cache.delete(key)
            raise
        location = response.get("Location", "")
        if 300 <= response.status_code < 400 and location and REAUTHENTICATE not in location:
            cache.set(key, response["Location"], TOKEN_SECONDS)
            if same:
                cache.set(same, response["Location"], SAME_POST_SECONDS)
        else:
            cache.delete(key)
        return response

    def _replay(self, request, key):
        deadline = time.monotonic() + WAIT_SECONDS
        location = cache.get(key)
        while location == PENDING and time.monotonic() < deadline:
            time.sleep(0.1)
            location = cache.get(key)
        if location and location != PENDING:
            messages.info(request, _("This form had already been sent: here is what it did."))
            return HttpResponseRedirect(location, status=303)
        if location is None:  # the first post ended without a redirect: run this one
            return self.get_response(request)
        return _page(
            request,
            409,
            _("This form is already being sent"),
            _("Wait a moment, then open the page again to see the result."),
        )


def stale_response(request):
    """The refusal of a post made on a page someone else has changed since, or None."""
    value = request.POST.get(VERSION_FIELD)
    if not value or not request.user.is_authenticated:
        return None
    try:
        data = signing.loads(value, salt=SALT)
        ct, pk, shown = int(data["ct"]), int(data["pk"]), int(data["v"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if data.get("u") != request.user.pk:
        return None
    event = later_change(ct, pk, shown, request.user)
    if event is None:
        return None
    text = stale_sentence(event)
    back = request.META.get("HTTP_REFERER", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        messages.error(request, text)
        return HttpResponseRedirect(back, status=303)
    return _page(request, 409, _("This changed since you opened it"), text)


def later_change(content_type_id, pk, shown, user):
    """The latest change by someone else since version `shown`, or None."""
    from .models import AuditEvent

    return (
        AuditEvent.objects.filter(content_type_id=content_type_id, object_id=str(pk), pk__gt=shown)
        .exclude(actor=user)
        .select_related("actor", "content_type")
        .order_by("-pk")
        .first()
    )


def stale_sentence(event) -> str:
    from .audit_display import sentence
    from .formatting import ldatetime

    model = event.content_type.model_class() if event.content_type else None
    who = (getattr(event.actor, "full_name", "") or str(event.actor)) if event.actor else ""
    return _(
        "This changed since you opened it: %(who)s – %(what)s – %(when)s. Nothing was done; "
        "here is where it stands now."
    ) % {
        "who": who or _("the system"),
        "what": sentence(event, model),
        "when": ldatetime(event.at),
    }


def _page(request, status, title, body):
    context = {"status": status, "title": title, "body": body, "back": ""}
    return render(request, "errors/page.html", context, status=status)
