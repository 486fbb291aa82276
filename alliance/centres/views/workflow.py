"""Renewal evaluations and moves between types (partner recognitions: recognition.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.reauth import decision_needs_password
from alliance.core.access import require_can
from alliance.core.drafts import (
    discard_draft,
    draft_initial,
    draft_notice,
    is_draft_post,
    save_draft,
)
from alliance.core.keep_typed import kept_notice, login_required_keeping_post, take_kept_post
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import (
    CategoryChangeForm,
    DecisionForm,
    EvaluationForm,
    NoteForm,
    RenewalDecisionForm,
    RequestFilterForm,
    SelfReportForm,
)
from ..models import Accreditation, CategoryChange, CentreType
from ..permissions import (
    get_accreditation_for,
    get_centre_for,
    get_change_for,
    get_evaluation_for,
)
from ..states import DIRECTOR, RENEWAL_CRITERIA, RENEWAL_PASS_MARK, RequestStatus
from ..states import AccreditationStatus as A
from .manage import refused

PER_PAGE = 25


def is_decision(request) -> bool:
    """The Director's step on a page shared with the centre and the evaluators."""
    return request.POST.get("step") == "decide"


# --- renewal ---------------------------------------------------------------------------


@login_required
@require_POST
def renewal_open(request, pk):
    accreditation = get_accreditation_for(request.user, pk)
    try:
        evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=request.user)
    except TransitionRefused as exc:
        messages.error(request, exc.reason)
        return redirect("centres:manage", pk=accreditation.centre_id)
    messages.success(
        request, _("The renewal evaluation is open. The centre can now submit its self-report.")
    )
    return redirect("centres:renewal", pk=evaluation.pk)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule=DIRECTOR, when=lambda request, **kw: is_decision(request))
def renewal(request, pk):
    """One page per evaluation; each role sees the form for its step."""
    if is_draft_post(request) and request.POST.get("step") == "self_report":
        # Only the self-report, written over days, keeps a draft (core/drafts.py).
        require_can(
            request.user, "centres.renewal.self_report", get_evaluation_for(request.user, pk)
        )
        return save_draft(request, step="self_report")
    kept = take_kept_post(request)
    kept_notice(request, kept)
    evaluation = get_evaluation_for(request.user, pk)
    centre = evaluation.accreditation.centre
    user = request.user
    data = request.POST or kept
    step = data.get("step") if data else None

    def form_for(name, form_class, rule, **kwargs):
        if not can(user, rule, evaluation):
            return None
        return form_class(data if step == name else None, **kwargs)

    forms = {
        "self_report": form_for(
            "self_report",
            SelfReportForm,
            "centres.renewal.self_report",
            initial={"self_report": evaluation.self_report},
        ),
        "evaluate": form_for("evaluate", EvaluationForm, "centres.renewal.evaluate"),
        "decide": form_for("decide", RenewalDecisionForm, DIRECTOR),
    }
    if forms["self_report"] is not None and kept is None:
        draft_notice(request, draft_initial(request, forms["self_report"], step="self_report"))
    if request.method == "POST" and forms.get(step) is not None and forms[step].is_valid():
        form = forms[step]
        try:
            if step == "self_report":
                services.renewal_self_report(
                    evaluation_id=evaluation.pk,
                    actor=user,
                    self_report=form.cleaned_data["self_report"],
                )
                discard_draft(request, step="self_report")
            elif step == "evaluate":
                services.renewal_evaluate(
                    evaluation_id=evaluation.pk,
                    actor=user,
                    scores=form.scores(),
                    note=form.cleaned_data["note"],
                )
            else:
                services.renewal_decide(
                    evaluation_id=evaluation.pk,
                    actor=user,
                    renew=form.cleaned_data["decision"] == "renew",
                    note=form.cleaned_data["note"],
                )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("centres:renewal", pk=evaluation.pk)
    scores = [(label, evaluation.scores.get(code)) for code, label in RENEWAL_CRITERIA]
    return render(
        request,
        "centres/manage/renewal.html",
        {
            "evaluation": evaluation,
            "centre": centre,
            "forms": forms,
            "actions": allowed_actions(evaluation, user),
            "scores": scores,
            "pass_mark": RENEWAL_PASS_MARK,
            "form": forms.get(step),
        },
    )


@login_required
def renewal_list(request):
    """The secretariat's queue: accreditations due for renewal or under evaluation."""
    require_can(request.user, "centres.staff")
    rows = (
        Accreditation.objects.filter(status__in=[A.RENEWAL_DUE, A.UNDER_EVALUATION])
        .select_related("centre__country", "centre_type", "renewal")
        .order_by("end_date", "id")
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "centres/manage/renewal_list.html", {"page": page})


def request_list(request, rows, *, title, kind, statuses=RequestStatus):
    """The staff's list of moves or recognitions, filtered by status."""
    require_can(request.user, "centres.staff")
    form = RequestFilterForm(request.GET or None, statuses=statuses)
    if form.is_valid() and form.cleaned_data["status"]:
        rows = rows.filter(status=form.cleaned_data["status"])
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "centres/manage/request_list.html",
        {"page": page, "title": title, "kind": kind, "filter_form": form},
    )


def _request_step(request, obj, *, evaluate, decide):
    """The evaluation or the decision posted on a request's page: the service's outcome,
    or None when nothing was taken (the form then shows why)."""
    step = request.POST.get("step")
    forms = {
        "evaluate": NoteForm(request.POST if step == "evaluate" else None),
        "decide": DecisionForm(request.POST if step == "decide" else None),
    }
    form = forms.get(step)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            if step == "evaluate":
                evaluate(note=form.cleaned_data["note"])
            else:
                decide(
                    approve=form.cleaned_data["decision"] == "approve",
                    note=form.cleaned_data["note"],
                )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("Saved."))
            return True, forms, form
    user = request.user
    forms["evaluate"] = forms["evaluate"] if can(user, "centres.request.evaluate", obj) else None
    forms["decide"] = forms["decide"] if can(user, DIRECTOR, obj) else None
    return False, forms, form


# --- moves between types ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def move_request(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    require_can(request.user, "centres.centre.request_move", centre)
    form = CategoryChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.category_change_request(
                centre_id=centre.pk, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(
                request,
                _(
                    "Your request was sent. The secretariat and the Lab evaluate it, "
                    "then the BDT Director decides."
                ),
            )
            return redirect("centres:move", pk=change.pk)
    fits = [
        services.type_fit(centre, t)
        for t in CentreType.objects.prefetch_related("objectives").order_by("order")
        if t.pk != centre.centre_type_id
    ]
    return render(
        request,
        "centres/manage/move_request.html",
        {"centre": centre, "form": form, "fits": fits},
    )


@login_required
def move_list(request):
    rows = CategoryChange.objects.select_related("centre", "from_type", "to_type").order_by(
        "-created_at", "-id"
    )
    return request_list(request, rows, title=_("Moves between types"), kind="move")


@login_required
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule=DIRECTOR, when=lambda request, **kw: is_decision(request))
def move(request, pk):
    change, centre = get_change_for(request.user, pk)
    done, forms, form = _request_step(
        request,
        change,
        evaluate=lambda **kw: services.category_change_evaluate(
            change_id=change.pk, actor=request.user, **kw
        ),
        decide=lambda **kw: services.category_change_decide(
            change_id=change.pk, actor=request.user, **kw
        ),
    )
    if done:
        return redirect("centres:move", pk=change.pk)
    fit = services.type_fit(centre, change.to_type, change.annual_budget_usd)
    return render(
        request,
        "centres/manage/move.html",
        {
            "change": change,
            "centre": centre,
            "fit": fit,
            "actions": allowed_actions(change, request.user),
            "evaluate_form": forms["evaluate"],
            "decide_form": forms["decide"],
            "form": form,
        },
    )
