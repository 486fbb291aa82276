"""Public pages: the Board's composition, its published decisions, the Expert Network."""

from django.core.paginator import Paginator
from django.shortcuts import render

from alliance.core.cache import changes_at, public_page

from ..cache import DECISIONS, EXPERTS, MEMBERS
from ..clock import board_today, end_of_day
from ..forms import ExpertFilterForm, OnDateForm
from ..models import ExpertArea
from ..selectors import approved_experts, members_on, past_members, published_decisions


@public_page(MEMBERS)
def board(request):
    form = OnDateForm(request.GET or None)
    today = board_today()
    changes_at(request, end_of_day(today))  # terms start and end at midnight in Geneva
    on = form.cleaned_data["on"] if form.is_valid() and form.cleaned_data["on"] else None
    members = list(members_on(on or today))
    past = None
    if on is None:
        past = Paginator(past_members(today), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "board/board.html",
        {"form": form, "on": on, "today": today, "members": members, "page": past},
    )


@public_page(DECISIONS)
def decisions(request):
    page = Paginator(published_decisions(), 20).get_page(request.GET.get("page"))
    return render(request, "board/decisions.html", {"page": page})


@public_page(EXPERTS)
def experts(request):
    form = ExpertFilterForm(request.GET or None)
    rows = approved_experts()
    if form.is_valid():
        if form.cleaned_data["area"]:
            rows = rows.filter(areas=form.cleaned_data["area"])
        if form.cleaned_data["language"]:
            rows = rows.filter(languages__contains=f",{form.cleaned_data['language']},")
    page = Paginator(rows.distinct(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "board/experts.html",
        {"form": form, "page": page, "areas": ExpertArea.objects.order_by("order")},
    )
