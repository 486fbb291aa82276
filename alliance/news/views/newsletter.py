"""The newsletter's pages: subscribe, confirm (double opt-in), unsubscribe (one click)."""

from django.core.cache import cache
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alliance.accounts.throttle import client_address
from alliance.accounts.views import too_many_requests

from .. import services
from ..forms import CONSENT_TEXT, SubscribeForm

# Attempts per address and hour: enough for a family behind one router, not for a script
# filling strangers' mailboxes with confirmation requests.
ATTEMPTS_PER_HOUR = 10
WINDOW = 3600


def _throttled(request) -> bool:
    key = f"news.subscribe:{client_address(request)}"
    cache.add(key, 0, WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW)
        count = 1
    return count > ATTEMPTS_PER_HOUR


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if _throttled(request):
            return too_many_requests(request, retry_after=WINDOW)
        if form.is_valid():
            language = form.cleaned_data["language"]
            with translation.override(language):
                consent_text = str(CONSENT_TEXT)
            services.newsletter_subscribe(
                email=form.cleaned_data["email"],
                language=language,
                categories=form.cleaned_data["categories"],
                consent_text=consent_text,
                form=request.path,
            )
            return render(request, "news/subscribe_sent.html", {})
    status = 400 if form.is_bound else 200
    return render(request, "news/subscribe.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    # A GET shows a button: mail scanners that open links do not subscribe anyone.
    context = {"token": token}
    if request.method == "POST":
        subscriber = services.newsletter_confirm(token=token, form=request.path)
        context.update(done=True, subscriber=subscriber)
        if subscriber is None:
            return render(request, "news/confirm.html", context, status=404)
    return render(request, "news/confirm.html", context)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a form
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    context = {"token": token}
    if request.method == "POST":
        subscriber = services.newsletter_unsubscribe(token=token, form=request.path)
        context.update(done=True, subscriber=subscriber)
        if subscriber is None:
            return render(request, "news/unsubscribe.html", context, status=404)
    return render(request, "news/unsubscribe.html", context)
