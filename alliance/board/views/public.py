"""Public pages: the Board's composition, its published decisions, the Expert Network."""

from django.core.paginator import Paginator
from django.shortcuts import render

from alliance.core.cache import public_page

from ..clock import board_today
from ..forms import ExpertFilterForm, OnDateForm
from ..models import ExpertArea
from ..selectors import approved_experts, members_on, past_members, published_decisions


@public_page
def board(request):
    form = OnDateForm(request.GET or None)
    today = board_today()
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


@public_page
def decisions(request):
    page = Paginator(published_decisions(), 20).get_page(request.GET.get("page"))
    return render(request, "board/decisions.html", {"page": page})


@public_page
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
