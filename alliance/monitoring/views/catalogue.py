"""The indicator catalogue, kept by Lab experts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.access import get_visible_or_404, require_can
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import IndicatorForm
from ..models import Indicator


@login_required
def indicator_list(request):
    require_can(request.user, "monitoring.staff")
    rows = Indicator.objects.select_related("objective").order_by("objective__order", "code")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "monitoring/indicator_list.html",
        {"page": page, "lab": can(request.user, "monitoring.indicator.manage")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk=None):
    require_can(request.user, "monitoring.indicator.manage")
    indicator = get_visible_or_404(Indicator.objects.all(), pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.indicator_save(actor=request.user, indicator=indicator, **fields)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect("monitoring:indicator_list")
    return render(request, "monitoring/indicator_form.html", {"form": form, "indicator": indicator})
