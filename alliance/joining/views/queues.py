from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from ..forms import QueueFilterForm
from ..selectors import (
    assessment_queue,
    declaration_queue,
    expression_queue,
    is_joining_staff,
    queue_counts,
)

QUEUES = {
    "expressions": expression_queue,
    "assessments": assessment_queue,
    "declarations": declaration_queue,
}


@login_required
def queue(request, kind):
    if kind not in QUEUES:
        raise Http404
    if not is_joining_staff(request.user):
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None, kind=kind)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(QUEUES[kind](status=status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "joining/queue.html",
        {"form": form, "page": page, "kind": kind, "counts": queue_counts()},
    )
