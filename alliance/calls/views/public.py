from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from alliance.core.cache import changes_at, public_page

from .. import selectors
from ..cache import CALL_LISTS, call_pages
from ._helpers import paginate

LISTS = {
    "open": (_("Open calls"), selectors.calls_open),
    "upcoming": (_("Upcoming calls"), selectors.calls_upcoming),
    "past": (_("Past calls"), selectors.calls_past),
}


@public_page(CALL_LISTS)
def call_list(request):
    show = request.GET.get("show", "open")
    if show not in LISTS:
        show = "open"
    title, query = LISTS[show]
    page = paginate(request, query(), 20)
    # A call moves from upcoming to open to past at its dates (one query, if stored).
    changes_at(request, selectors.next_call_change)
    return render(
        request,
        "calls/public/call_list.html",
        {"page": page, "show": show, "list_title": title, "tabs": LISTS},
    )


@public_page(call_pages)
def call_detail(request, pk):
    call = selectors.public_call_or_none(pk)
    if call is None:
        raise Http404
    changes_at(request, call.next_change)  # it opens, then closes, by itself
    return render(request, "calls/public/call_detail.html", {"call": call})


@public_page(call_pages)
def call_results(request, pk):
    call = selectors.public_call_or_none(pk)
    if call is None or not call.has_results:
        raise Http404
    return render(
        request,
        "calls/public/call_results.html",
        {
            "call": call,
            "results": selectors.published_results(call),
            "figures": selectors.call_figures(call),
        },
    )
