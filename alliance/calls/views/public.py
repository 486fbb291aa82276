from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from alliance.core import opendata, spreadsheets
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


RESULT_COLUMNS = ["rank", "organisation", "country", "centre_type", "scope", "score"]
RESULT_LABELS = {
    "rank": _("Rank"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "centre_type": _("Centre type"),
    "scope": _("Scope"),
    "score": _("Score"),
}


def _result_rows(call):
    for rank, (application, consolidated) in enumerate(selectors.published_results(call), 1):
        score = consolidated.calibrated if consolidated else None
        yield {
            "rank": rank,
            "organisation": str(application.organisation),
            "country": application.organisation.country.code or "",
            "centre_type": application.proposed_centre_type.code
            if application.proposed_centre_type
            else "",
            "scope": application.proposed_scope,
            "score": round(score, 2) if score is not None else None,
        }


@public_page(call_pages)
def call_results_data(request, pk, fmt):
    """The selected organisations of a call with published results, as open data."""
    call = selectors.public_call_or_none(pk)
    if call is None or not call.has_results or fmt not in ("csv", "json"):
        raise Http404
    name = f"results-{call.reference}.{fmt}"
    if fmt == "csv":
        header = spreadsheets.header(RESULT_COLUMNS, RESULT_LABELS, request)
        return opendata.csv_response(name, RESULT_COLUMNS, _result_rows(call), header=header)
    return opendata.json_response(
        name,
        "results",
        _result_rows(call),
        updated=call.results_published_at,
        call={"id": call.pk, "reference": call.reference, "title": call.title["en"]},
    )
