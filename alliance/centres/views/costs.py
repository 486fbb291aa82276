"""Staff pages of the indicative cost model: every version with its figures, and a form
for a new one (the secretariat). A version is never edited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.access import require_can
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..cost_forms import CostModelVersionForm, initial_from
from ..costs import FIGURE_FIELDS
from ..selectors import cost_version_on, cost_versions


@login_required
def cost_model(request):
    require_can(request.user, "centres.cost_model.view")
    versions = list(cost_versions())
    return render(
        request,
        "centres/manage/costs.html",
        {
            "versions": versions,
            "in_effect": cost_version_on(),
            "may_create": can(request.user, "centres.cost_model.manage"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cost_version_new(request):
    require_can(request.user, "centres.cost_model.manage")
    latest = cost_versions().first()
    form = CostModelVersionForm(
        request.POST or None,
        initial={**initial_from(latest), "effective_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.cost_version_create(
                actor=request.user,
                effective_from=data["effective_from"],
                note=data["note"],
                **{name: data[name] for name in FIGURE_FIELDS},
            )
        except TransitionRefused as exc:
            form.add_error(None, exc.reason)
        else:
            messages.success(
                request,
                _("Version %(number)s of the cost model is saved.") % {"number": version.number},
            )
            return redirect("centres:cost_model")
    return render(request, "centres/manage/cost_version_form.html", {"form": form})
