"""Public news pages: announcements (list by category, detail), pilots, a country's page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from alliance.core.cache import changes_at, public_page
from alliance.core.models import Country

from ..cache import NEWS, PILOTS
from ..forms import CategoryFilterForm
from ..marks import PILOT_COLUMNS
from ..models import Announcement, Category
from ..rendering import render_markdown
from ..selectors import (
    announcements_about_country,
    current_pilots,
    next_publication,
    pilots_of_country,
    public_announcement,
    public_announcements,
)

PER_PAGE = 20


def _scheduled(view):
    # A scheduled announcement goes live by itself: no cached copy outlives that second.
    def wrapped(request, *args, **kwargs):
        changes_at(request, next_publication)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@public_page(NEWS)
@_scheduled
def announcement_list(request):
    form = CategoryFilterForm(request.GET or None)
    category = form.cleaned_data["category"] if form.is_valid() else ""
    page = Paginator(public_announcements(category or None), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "news/list.html",
        {
            "form": form,
            "page": page,
            "category": category,
            "category_label": Category(category).label if category else "",
            "categories": Category.choices,
        },
    )


@public_page(NEWS)
@_scheduled
def announcement_detail(request, pk):
    try:
        announcement = public_announcement(pk)
    except Announcement.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "news/detail.html",
        {"announcement": announcement, "body": render_markdown(str(announcement.body))},
    )


@public_page(PILOTS)
def pilot_list(request):
    return render(request, "news/pilots.html", {"pilots": current_pilots()})


@public_page(PILOTS, NEWS, "centres")
@_scheduled
def country_page(request, code):
    country = Country.objects.select_related("region").filter(code=code.upper()).first()
    if country is None:
        raise Http404
    return render(
        request,
        "news/country.html",
        {
            "country": country,
            "pilots": pilots_of_country(country),
            "centre_count": country.centres.count(),
            "announcements": announcements_about_country(country),
        },
    )


@public_page(PILOTS)
def open_data_pilots(request, fmt):
    from alliance.core import opendata as files
    from alliance.core import spreadsheets

    from ..opendata import PILOT_LABELS, pilot_rows

    columns = [name for name, _meaning, _type in PILOT_COLUMNS]
    if fmt == "csv":
        header = spreadsheets.header(columns, PILOT_LABELS, request)
        return files.csv_response("pilots.csv", columns, pilot_rows(), header=header)
    if fmt == "json":
        return files.json_response("pilots.json", "pilots", pilot_rows())
    raise Http404
