"""Partner recognition: the application, the staff's list, and one page per recognition
where each person finds the step that is theirs (design, evaluation, decision)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from alliance.accounts.reauth import decision_needs_password
from alliance.core.kernel import allowed_actions
from alliance.core.states import TransitionRefused

from .. import checklist, services
from ..forms import DecisionForm, RecognitionEvaluationForm, RecognitionForm
from ..models import PartnerRecognition
from ..permissions import get_recognition_for
from ..states import DIRECTOR, RECOGNITION_CRITERIA, RECOGNITION_PASS_MARK, RecognitionStatus
from .manage import managed_organisations, refused
from .workflow import is_decision, request_list


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
                    "Your application was sent. The Lab runs the design phase with you, then "
                    "evaluates your centre, and the BDT Director decides. You will find its "
                    "progress here."
                ),
            )
            return redirect("centres:recognition", pk=recognition.pk)
    return render(
        request,
        "centres/recognition_apply.html",
        {
            "form": form,
            "has_organisation": organisations.exists(),
            "criteria": RECOGNITION_CRITERIA,
            "pass_mark": RECOGNITION_PASS_MARK,
        },
    )


@login_required
def recognition_list(request):
    rows = PartnerRecognition.objects.select_related("organisation", "centre_type").order_by(
        "-created_at", "-id"
    )
    return request_list(
        request,
        rows,
        title=_("Partner recognitions"),
        kind="recognition",
        statuses=RecognitionStatus,
    )


def _take_step(request, recognition, step, form):
    """The service for the step posted (each raises TransitionRefused with its reason)."""
    kwargs = {"recognition_id": recognition.pk, "actor": request.user}
    if step == "start_design":
        services.recognition_start_design(**kwargs)
    elif step == "complete_design":
        services.recognition_complete_design(**kwargs)
    elif step == "evaluate":
        services.recognition_evaluate(
            **kwargs, scores=form.scores(), note=form.cleaned_data["note"]
        )
    else:
        services.recognition_decide(
            **kwargs,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )


MESSAGES = {
    "start_design": gettext_lazy("The design phase is open: the centre is recorded, in design."),
    "complete_design": gettext_lazy(
        "The design phase is complete: the centre can now be evaluated."
    ),
    "evaluate": gettext_lazy("The evaluation is saved: the BDT Director can now decide."),
    "decide": gettext_lazy("The decision is recorded."),
}


@login_required
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule=DIRECTOR, when=lambda request, **kw: is_decision(request))
def recognition(request, pk):
    recognition = get_recognition_for(request.user, pk)
    user = request.user
    actions = allowed_actions(recognition, user)
    step = request.POST.get("step") if request.method == "POST" else None
    posted = request.POST if step else None
    evaluate_form = RecognitionEvaluationForm(
        posted if step == "evaluate" else None,
        initial={f"score_{c}": v for c, v in recognition.scores.items()}
        | {"note": recognition.evaluation_note},
    )
    decide_form = DecisionForm(posted if step == "decide" else None)
    form = {"evaluate": evaluate_form, "decide": decide_form}.get(step)
    if step in MESSAGES and (form is None or form.is_valid()):
        try:
            _take_step(request, recognition, step, form)
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, MESSAGES[step])
            return redirect("centres:recognition", pk=recognition.pk)
    centre = recognition.centre
    scores = [(label, recognition.scores.get(code)) for code, label in RECOGNITION_CRITERIA]
    return render(
        request,
        "centres/manage/recognition.html",
        {
            "recognition": recognition,
            "actions": actions,
            "centre": centre,
            "steps": checklist.steps(centre) if centre else [],
            "centre_actions": allowed_actions(centre, user) if centre else set(),
            "scores": scores,
            "pass_mark": RECOGNITION_PASS_MARK,
            "evaluate_form": evaluate_form if "evaluate" in actions else None,
            "decide_form": decide_form if "approve" in actions or "reject" in actions else None,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )
