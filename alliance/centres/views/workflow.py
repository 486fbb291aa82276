"""Renewal evaluations, moves between types and partner recognitions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import (
    CategoryChangeForm,
    DecisionForm,
    EvaluationForm,
    NoteForm,
    RecognitionForm,
    RenewalDecisionForm,
    SelfReportForm,
)
from ..models import (
    Accreditation,
    CategoryChange,
    CentreType,
    PartnerRecognition,
    RenewalEvaluation,
)
from ..permissions import (
    get_centre_for,
    get_recognition_for,
    is_centre_manager,
    is_centres_staff,
    is_director,
    is_evaluator,
    is_secretariat,
)
from ..states import RENEWAL_CRITERIA, RENEWAL_PASS_MARK, RequestStatus
from ..states import AccreditationStatus as A
from .accreditation import _accreditation_for
from .manage import managed_organisations, refused

PER_PAGE = 25


# --- renewal ---------------------------------------------------------------------------


@login_required
@require_POST
def renewal_open(request, pk):
    accreditation = _accreditation_for(request, pk)
    try:
        evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=request.user)
    except TransitionRefused as exc:
        messages.error(request, exc.reason)
        return redirect("centres:manage", pk=accreditation.centre_id)
    messages.success(
        request, _("The renewal evaluation is open. The centre can now submit its self-report.")
    )
    return redirect("centres:renewal", pk=evaluation.pk)


def _evaluation_for(request, pk) -> RenewalEvaluation:
    evaluation = get_visible_or_404(
        RenewalEvaluation.objects.select_related(
            "accreditation__centre", "accreditation__centre_type", "self_reported_by"
        ),
        pk=pk,
    )
    get_centre_for(request.user, evaluation.accreditation.centre_id, manage=True)
    return evaluation


@login_required
@require_http_methods(["GET", "POST"])
def renewal(request, pk):
    """One page per evaluation; each role sees the form for its step."""
    evaluation = _evaluation_for(request, pk)
    centre = evaluation.accreditation.centre
    user = request.user
    step = request.POST.get("step")
    forms = {
        "self_report": SelfReportForm(
            request.POST if step == "self_report" else None,
            initial={"self_report": evaluation.self_report},
        )
        if is_centre_manager(user, centre)
        else None,
        "evaluate": EvaluationForm(request.POST if step == "evaluate" else None)
        if is_evaluator(user)
        else None,
        "decide": RenewalDecisionForm(request.POST if step == "decide" else None)
        if is_director(user)
        else None,
    }
    if request.method == "POST" and forms.get(step) is not None and forms[step].is_valid():
        form = forms[step]
        try:
            if step == "self_report":
                services.renewal_self_report(
                    evaluation_id=evaluation.pk,
                    actor=user,
                    self_report=form.cleaned_data["self_report"],
                )
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
            "scores": scores,
            "pass_mark": RENEWAL_PASS_MARK,
            "form": forms.get(step),
        },
    )


@login_required
def renewal_list(request):
    """The secretariat's queue: accreditations due for renewal or under evaluation."""
    if not is_centres_staff(request.user):
        raise PermissionDenied
    rows = (
        Accreditation.objects.filter(status__in=[A.RENEWAL_DUE, A.UNDER_EVALUATION])
        .select_related("centre__country", "centre_type", "renewal")
        .order_by("end_date", "id")
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "centres/manage/renewal_list.html", {"page": page})


# --- moves between types ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def move_request(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    if not (is_secretariat(request.user) or is_centre_manager(request.user, centre)):
        raise PermissionDenied
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
    if not is_centres_staff(request.user):
        raise PermissionDenied
    rows = CategoryChange.objects.select_related("centre", "from_type", "to_type").order_by(
        "-created_at", "-id"
    )
    status = request.GET.get("status")
    if status in RequestStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "centres/manage/request_list.html",
        {
            "page": page,
            "title": _("Moves between types"),
            "kind": "move",
            "statuses": RequestStatus.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def move(request, pk):
    change = get_visible_or_404(
        CategoryChange.objects.select_related("centre", "from_type", "to_type"), pk=pk
    )
    centre = get_centre_for(request.user, change.centre_id, manage=True)
    step = request.POST.get("step")
    evaluate = NoteForm(request.POST if step == "evaluate" else None)
    decide = DecisionForm(request.POST if step == "decide" else None)
    if request.method == "POST" and step in ("evaluate", "decide"):
        form = evaluate if step == "evaluate" else decide
        if form.is_valid():
            try:
                if step == "evaluate":
                    services.category_change_evaluate(
                        change_id=change.pk, actor=request.user, note=form.cleaned_data["note"]
                    )
                else:
                    services.category_change_decide(
                        change_id=change.pk,
                        actor=request.user,
                        approve=form.cleaned_data["decision"] == "approve",
                        note=form.cleaned_data["note"],
                    )
            except TransitionRefused as exc:
                refused(request, form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("centres:move", pk=change.pk)
    fit = services.type_fit(centre, change.to_type, change.annual_budget_usd)
    return render(
        request,
        "centres/manage/move.html",
        {
            "change": change,
            "centre": centre,
            "fit": fit,
            "evaluate_form": evaluate if is_evaluator(request.user) else None,
            "decide_form": decide if is_director(request.user) else None,
            "form": evaluate if step == "evaluate" else decide if step == "decide" else None,
        },
    )


# --- partner recognition ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def recognition_apply(request):
    organisations = managed_organisations(request.user)
    form = RecognitionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            recognition = services.recognition_request(actor=request.user, **data)
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(
                request,
                _(
                    "Your application was sent. The secretariat and the Lab evaluate your "
                    "centre, then the BDT Director decides. You will find its progress here."
                ),
            )
            return redirect("centres:recognition", pk=recognition.pk)
    return render(
        request,
        "centres/recognition_apply.html",
        {"form": form, "has_organisation": organisations.exists()},
    )


@login_required
def recognition_list(request):
    if not is_centres_staff(request.user):
        raise PermissionDenied
    rows = PartnerRecognition.objects.select_related("organisation", "centre_type").order_by(
        "-created_at", "-id"
    )
    status = request.GET.get("status")
    if status in RequestStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "centres/manage/request_list.html",
        {
            "page": page,
            "title": _("Partner recognitions"),
            "kind": "recognition",
            "statuses": RequestStatus.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recognition(request, pk):
    recognition = get_recognition_for(request.user, pk)
    step = request.POST.get("step")
    evaluate = NoteForm(request.POST if step == "evaluate" else None)
    decide = DecisionForm(request.POST if step == "decide" else None)
    if request.method == "POST" and step in ("evaluate", "decide"):
        form = evaluate if step == "evaluate" else decide
        if form.is_valid():
            try:
                if step == "evaluate":
                    services.recognition_evaluate(
                        recognition_id=recognition.pk,
                        actor=request.user,
                        note=form.cleaned_data["note"],
                    )
                else:
                    services.recognition_decide(
                        recognition_id=recognition.pk,
                        actor=request.user,
                        approve=form.cleaned_data["decision"] == "approve",
                        note=form.cleaned_data["note"],
                    )
            except TransitionRefused as exc:
                refused(request, form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("centres:recognition", pk=recognition.pk)
    return render(
        request,
        "centres/manage/recognition.html",
        {
            "recognition": recognition,
            "evaluate_form": evaluate if is_evaluator(request.user) else None,
            "decide_form": decide if is_director(request.user) else None,
            "form": evaluate if step == "evaluate" else decide if step == "decide" else None,
        },
    )
