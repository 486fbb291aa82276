from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core import opendata as files
from alliance.core import spreadsheets
from alliance.core.access import get_visible_or_404, staff_required
from alliance.core.cache import public_page
from alliance.core.i18n import current_language
from alliance.core.models import Region, StrategicObjective

from . import opendata, services
from .cache import MILESTONES
from .forms import MilestoneForm
from .ical import key_dates_calendar
from .models import Milestone
from .selectors import (
    centre_types_with_objectives,
    public_board_meetings,
    public_call_deadlines,
    public_milestones,
)


@public_page()
def home(request):
    return render(
        request,
        "public/home.html",
        {
            "objectives": StrategicObjective.objects.order_by("order"),
            "centre_types": centre_types_with_objectives(),
        },
    )


@public_page()
def centre_types(request):
    return render(
        request,
        "public/centre_types.html",
        {
            "centre_types": centre_types_with_objectives(),
            "objectives": StrategicObjective.objects.order_by("order"),
            "regions": Region.objects.order_by("order"),
        },
    )


@public_page(MILESTONES)
def key_dates(request):
    return render(request, "public/key_dates.html", {"milestones": public_milestones()})


@public_page(MILESTONES)
def key_dates_ical(request):
    body = key_dates_calendar(
        public_milestones(), public_call_deadlines(), public_board_meetings(), current_language()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="alliance-key-dates.ics"'
    return response


# The datasets come from calls, the registry, the Lab figures and the Board: any change there
# moves the page (version keys of those apps' cache.py).
@public_page("calls", "centres", "board.decisions", "monitoring.figures", "news.pilots")
def open_data(request):
    return render(
        request,
        "public/open_data.html",
        {"datasets": opendata.datasets(), "licence": files.licence()},
    )


@public_page("board.decisions")
def open_data_decisions(request, fmt):
    columns = [name for name, _meaning, _type in opendata.DECISION_COLUMNS]
    if fmt == "csv":
        header = spreadsheets.header(columns, opendata.DECISION_LABELS, request)
        return files.csv_response(
            "board-decisions.csv", columns, opendata.decision_rows(), header=header
        )
    if fmt == "json":
        return files.json_response("board-decisions.json", "decisions", opendata.decision_rows())
    raise Http404


@staff_required("public.view_milestone")
def milestone_list(request):
    return render(
        request, "public/milestone_list.html", {"milestones": Milestone.objects.order_by("date")}
    )


@staff_required("public.add_milestone")
@require_http_methods(["GET", "POST"])
def milestone_create(request):
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.milestone_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The key date was added."))
        return redirect("public:milestone_list")
    return render(request, "public/milestone_form.html", {"form": form})


@staff_required("public.change_milestone")
@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk):
    milestone = get_visible_or_404(Milestone.objects.all(), pk=pk)
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        services.milestone_update(milestone_id=pk, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The key date was updated."))
        return redirect("public:milestone_list")
    return render(request, "public/milestone_form.html", {"form": form, "milestone": milestone})


@staff_required("public.delete_milestone")
@require_http_methods(["POST"])
def milestone_delete(request, pk):
    get_visible_or_404(Milestone.objects.all(), pk=pk)
    services.milestone_delete(milestone_id=pk, actor=request.user)
    messages.success(request, _("The key date was deleted."))
    return redirect("public:milestone_list")
