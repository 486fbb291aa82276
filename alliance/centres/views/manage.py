"""Pages for the secretariat, the Director, the Lab and centre managers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.models import Organisation
from alliance.accounts.policy import MANAGER_ROLES
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import checklist, services
from ..forms import (
    CentreCreateForm,
    CentreProfileForm,
    CentreUpdateForm,
    ChecklistForm,
    InitiativeForm,
    ReasonForm,
    StaffFilterForm,
)
from ..models import FlagshipInitiative, PartnerRecognition
from ..permissions import get_centre_for, is_centres_staff, managed_centres
from ..selectors import centre_cost, current_accreditations_for, staff_centres
from ..states import CURRENT_ACCREDITATION_STATUSES, ChecklistItem

PER_PAGE = 25


def action_page(request, *, form, title, back_url, intro="", submit=None, extra=None):
    return render(
        request,
        "centres/action_form.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "back_url": back_url,
            "submit_label": submit or _("Continue"),
            **(extra or {}),
        },
    )


def refused(request, form, exc: TransitionRefused):
    if form is not None:
        form.add_error(None, exc.reason)
    else:
        messages.error(request, exc.reason)


@login_required
def centre_list(request):
    """Staff see every centre; centre managers see theirs."""
    form = StaffFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = staff_centres(filters)
    if not is_centres_staff(request.user):
        rows = rows.filter(pk__in=managed_centres(request.user).values("pk"))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    accreditations = current_accreditations_for(page.object_list)
    return render(
        request,
        "centres/manage/list.html",
        {
            "filter_form": form,
            "page": page,
            "rows": [(c, accreditations.get(c.pk)) for c in page.object_list],
            "can_create": can(request.user, "centres.centre.manage"),
            "recognitions": PartnerRecognition.objects.filter(
                organisation__in=managed_organisations(request.user)
            ).select_related("centre_type")[:20],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def centre_create(request):
    require_can(request.user, "centres.centre.manage")
    form = CentreCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            centre = services.centre_create(
                actor=request.user,
                centre_type=data["centre_type"],
                scope=data["scope"],
                host_organisation=data["host_organisation"],
                country=data["country"],
                name=data["name"],
                objectives=list(data["objectives"]) or None,
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("The centre was recorded. Its design phase starts now."))
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Record a centre"),
        back_url="centres:manage_list",
        submit=_("Record the centre"),
    )


@login_required
def manage(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    accreditations = list(
        centre.accreditations.select_related("centre_type", "renewal").order_by(
            "-start_date", "-id"
        )
    )
    current = next((a for a in accreditations if a.status in CURRENT_ACCREDITATION_STATUSES), None)
    user = request.user
    initiatives = list(centre.initiatives.all())
    # What the person may do to each accreditation, from its table and the policy.
    rows = [(a, allowed_actions(a, user)) for a in accreditations]
    return render(
        request,
        "centres/manage/centre.html",
        {
            "centre": centre,
            "steps": checklist.steps(centre),
            "accreditations": rows,
            "current": current,
            "initiatives": initiatives,
            "initiatives_budget": sum(i.budget_usd for i in initiatives),
            "cost": centre_cost(centre, len(initiatives)),
            "type_periods": centre.type_periods.select_related("centre_type"),
            "changes": centre.category_changes.select_related("to_type", "from_type"),
            "can_add_initiative": can(user, "centres.centre.add_initiative", centre),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def centre_edit(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    require_can(request.user, "centres.centre.manage", centre)
    form = CentreUpdateForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        objectives = list(data.pop("objectives"))
        try:
            services.centre_update(
                centre_id=centre.pk, actor=request.user, objectives=objectives, **data
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("The centre was updated."))
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Edit %(centre)s") % {"centre": centre},
        back_url="centres:manage",
        extra={"back_pk": centre.pk},
        submit=_("Save"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    require_can(request.user, "centres.centre.edit_profile", centre)
    form = CentreProfileForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_profile_update(
                centre_id=centre.pk, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("The public profile was updated."))
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Public profile of %(centre)s") % {"centre": centre},
        intro=_("What the public registry shows about the centre, in English and French."),
        back_url="centres:manage",
        extra={"back_pk": centre.pk},
        submit=_("Save the profile"),
    )


@login_required
@require_POST
def checklist_mark(request, pk, item):
    centre = get_centre_for(request.user, pk, manage=True)
    if item not in ChecklistItem.values:
        raise PermissionDenied
    form = ChecklistForm(request.POST)
    form.is_valid()
    try:
        services.checklist_mark(
            centre_id=centre.pk,
            item=item,
            actor=request.user,
            done=request.POST.get("done") != "0",
            note=form.cleaned_data.get("note", ""),
        )
    except TransitionRefused as exc:
        messages.error(request, exc.reason)
    else:
        messages.success(request, _("The design checklist was updated."))
    return redirect("centres:manage", pk=centre.pk)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk=None, centre_pk=None):
    initiative = None
    if pk is not None:
        initiative = get_visible_or_404(FlagshipInitiative.objects.all(), pk=pk)
        centre_pk = initiative.centre_id
    centre = get_centre_for(request.user, centre_pk, manage=True)
    require_can(request.user, "centres.centre.add_initiative", centre)
    form = InitiativeForm(request.POST or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        objectives = list(data.pop("objectives"))
        try:
            if initiative is None:
                services.initiative_create(
                    centre_id=centre.pk, actor=request.user, objectives=objectives, **data
                )
            else:
                services.initiative_update(
                    initiative_id=initiative.pk, actor=request.user, objectives=objectives, **data
                )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("The flagship initiative was saved."))
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Flagship initiative of %(centre)s") % {"centre": centre},
        back_url="centres:manage",
        extra={"back_pk": centre.pk},
        submit=_("Save"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def centre_close(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    require_can(request.user, "centres.centre.manage", centre)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_close(
                centre_id=centre.pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("The centre is closed."))
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Close %(centre)s") % {"centre": centre},
        back_url="centres:manage",
        extra={"back_pk": centre.pk},
        submit=_("Close the centre"),
    )


def managed_organisations(user):
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=MANAGER_ROLES
    ).distinct()
