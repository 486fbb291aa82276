from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.core.states import TransitionRefused

from . import calendar, selectors, services, tokens
from .forms import InboxFilterForm, PreferencesForm
from .models import Notification
from .registry import KINDS, kinds


@login_required
@require_GET
def inbox(request):
    form = InboxFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    unread_only = data.get("show") == "unread"
    page = Paginator(selectors.inbox(request.user, unread_only=unread_only), 20).get_page(
        data.get("page") or 1
    )
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread_only": unread_only, "filter_form": form},
    )


@login_required
@require_POST
def open_notification(request, pk):
    """Follow a message's link, marking it read on the way (a form's button: a GET changes
    nothing on this platform; works without JavaScript)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.mark_read(user=request.user, notification_id=notification.pk)
    if not notification.url:
        return redirect("notifications:inbox")
    target = urlsplit(notification.url)
    # Only the path: the message may have been written for another address of this site.
    return redirect(target.path + (f"?{target.query}" if target.query else ""))


def _back_to_inbox(request):
    query = request.POST.get("next_query", "")
    url = redirect("notifications:inbox").url
    return redirect(f"{url}?{query}" if query and "//" not in query else url)


@login_required
@require_POST
def mark(request, pk):
    read = request.POST.get("read", "1") != "0"
    if not Notification.objects.filter(pk=pk, recipient=request.user).exists():
        raise Http404
    services.mark_read(user=request.user, notification_id=pk, read=read)
    return _back_to_inbox(request)


@login_required
@require_POST
def mark_all(request):
    count = services.mark_all_read(user=request.user)
    messages.success(
        request,
        _("No unread messages left.") if count else _("There were no unread messages."),
    )
    return _back_to_inbox(request)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = {p["kind"].code: p["delivery"] for p in selectors.preferences_of(request.user)}
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for code, delivery in form.cleaned_data.items():
            if delivery and current.get(code) != delivery:
                services.set_preference(user=request.user, kind=code, delivery=delivery)
        messages.success(request, _("Your notification preferences were saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "essential_kinds": [k for k in kinds() if k.essential],
            "feed": selectors.active_feed(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_feed(request):
    new_url = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.feed_revoke(user=request.user)
            messages.success(request, _("Your calendar address was turned off."))
            return redirect("notifications:calendar")
        _feed, raw = services.feed_create(user=request.user)
        new_url = calendar.feed_url(raw)
    return render(
        request,
        "notifications/calendar.html",
        {"feed": selectors.active_feed(request.user), "new_url": new_url},
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a form
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = tokens.read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=found[0]).first() if found else None
    if user is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    kind_code = found[1]
    if kind_code != tokens.ALL_OPTIONAL and kind_code not in KINDS:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    kind = KINDS.get(kind_code)
    context = {"kind": kind, "all_optional": kind is None, "token": token}
    if request.method == "POST":
        try:
            context["turned_off"] = services.unsubscribe(user=user, kind=kind_code)
        except TransitionRefused as exc:
            context["error"] = exc.reason
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)


@never_cache
@require_GET
def feed(request, token):
    user = selectors.user_for_feed(token)
    if user is None:
        raise Http404
    body = calendar.feed_for(user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="alliance-hub.ics"'
    return response
