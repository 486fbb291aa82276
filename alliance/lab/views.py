from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.permissions import get_organisation_for
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.drafts import (
    discard_draft,
    draft_initial,
    draft_notice,
    is_draft_post,
    save_draft,
)
from alliance.core.files import file_response
from alliance.core.keep_typed import kept_notice, login_required_keeping_post, take_kept_post
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused
from alliance.joining.selectors import assessments_visible_to

from . import services
from .forms import (
    AssignForm,
    AssistanceRequestForm,
    CloseForm,
    DeclineForm,
    DeliverForm,
    PlanForm,
    QueueFilterForm,
    TriageForm,
)
from .permissions import get_delivery_document_for, get_plan_milestone_for, get_request_for
from .selectors import (
    expert_queue,
    expert_workload,
    lab_queue,
    requests_visible_to,
    suggested_experts,
)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def request_create(request, org_pk):
    # Any member of the organisation may ask; the service checks the membership.
    organisation = get_organisation_for(request.user, org_pk)
    assessment = None
    if request.GET.get("assessment", "").isdigit():
        assessment = get_visible_or_404(
            assessments_visible_to(request.user).filter(organisation=organisation),
            pk=int(request.GET["assessment"]),
        )
    if is_draft_post(request):
        return save_draft(request)
    kept = take_kept_post(request)
    kept_notice(request, kept)
    form = AssistanceRequestForm(
        request.POST or kept or None,
        initial={
            "preferred_language": request.user.preferred_language,
            "kind": "preliminary_review" if assessment else None,
        },
    )
    draft_notice(request, draft_initial(request, form))
    if request.method == "POST" and form.is_valid():
        try:
            tar = services.request_submit(
                organisation=organisation,
                actor=request.user,
                assessment=assessment,
                **form.cleaned_data,
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            discard_draft(request)
            messages.success(
                request,
                _(
                    "Your request was sent to the Digital Transformation Lab. "
                    "The Lab triages new requests within five working days."
                ),
            )
            return redirect("lab:request_detail", pk=tar.pk)
    return render(
        request,
        "lab/request_form.html",
        {"form": form, "organisation": organisation, "assessment": assessment},
    )


@login_required
def queue(request):
    require_can(request.user, "lab.queue")
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = lab_queue(status=filters.get("status", ""), kind=filters.get("kind", ""))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "lab/queue.html", {"form": form, "page": page})


def _detail_context(request, tar, **overrides):
    user = request.user
    actions = allowed_actions(tar, user)
    triager = can(user, "lab.request.triage", tar)
    # The plan and delivery forms are the assigned expert's own (the secretariat, who may
    # stand in for them, does so only when asked).
    expert = tar.assigned_to_id == user.pk
    requester = can(user, "lab.request.respond", tar)
    context = {
        "tar": tar,
        "actions": actions,
        "triager": triager,
        "is_expert": expert,
        "is_requester": requester,
        "milestones": list(tar.milestones.all()),
        "documents": list(tar.documents.all()),
        "triage_form": TriageForm() if triager else None,
        "assign_form": AssignForm() if triager else None,
        "decline_form": DeclineForm() if triager else None,
        "suggested": suggested_experts(tar) if "assign" in actions else [],
        "plan_form": PlanForm(initial={"plan": tar.plan}) if expert else None,
        "deliver_form": DeliverForm() if expert else None,
        "close_form": CloseForm() if requester else None,
    }
    context.update(overrides)
    return context


@login_required
def request_detail(request, pk):
    tar = get_request_for(request.user, pk)
    return render(request, "lab/request_detail.html", _detail_context(request, tar))


def _action(request, pk, form_class, key, action, success, *, staff=False):
    if staff:
        require_can(request.user, "lab.request.triage")
    tar = get_request_for(request.user, pk)
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is None or form.is_valid():
        try:
            action(tar, form.cleaned_data if form else {})
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
            return redirect("lab:request_detail", pk=pk)
        messages.success(request, success)
        return redirect("lab:request_detail", pk=pk)
    return render(
        request,
        "lab/request_detail.html",
        _detail_context(request, tar, **{key: form, "form": form}),
        status=400,
    )


def _staff_action(request, pk, form_class, action, success):
    key = {TriageForm: "triage_form", AssignForm: "assign_form", DeclineForm: "decline_form"}
    return _action(request, pk, form_class, key[form_class], action, success, staff=True)


@login_required
@require_POST
def request_triage(request, pk):
    return _staff_action(
        request,
        pk,
        TriageForm,
        lambda tar, data: services.request_triage(
            request_id=tar.pk, actor=request.user, note=data["note"]
        ),
        _("The request is triaged."),
    )


@login_required
@require_POST
def request_assign(request, pk):
    return _staff_action(
        request,
        pk,
        AssignForm,
        lambda tar, data: services.request_assign(
            request_id=tar.pk, actor=request.user, assignee=data["assignee"]
        ),
        _("The request is assigned."),
    )


@login_required
@require_POST
def request_decline(request, pk):
    return _staff_action(
        request,
        pk,
        DeclineForm,
        lambda tar, data: services.request_decline(
            request_id=tar.pk, actor=request.user, reason=data["reason"]
        ),
        _("The request is declined; the organisation was told why."),
    )


@login_required
@require_POST
def request_plan(request, pk):
    return _action(
        request,
        pk,
        PlanForm,
        "plan_form",
        lambda tar, data: services.request_plan_propose(
            request_id=tar.pk, actor=request.user, plan=data["plan"], milestones=data["milestones"]
        ),
        _("The plan was sent to the organisation for agreement."),
    )


@login_required
@require_POST
def request_agree(request, pk):
    return _action(
        request,
        pk,
        None,
        "",
        lambda tar, data: services.request_plan_agree(request_id=tar.pk, actor=request.user),
        _("You agreed the plan: the Lab expert starts the work."),
    )


@login_required
@require_POST
def milestone_done(request, pk, milestone_pk):
    def act(tar, data):
        milestone = get_plan_milestone_for(tar, milestone_pk)
        services.milestone_mark_done(milestone_id=milestone.pk, actor=request.user)

    return _action(request, pk, None, "", act, _("The milestone is marked done."))


@login_required
@require_POST
def request_deliver(request, pk):
    return _action(
        request,
        pk,
        DeliverForm,
        "deliver_form",
        lambda tar, data: services.request_deliver(
            request_id=tar.pk,
            actor=request.user,
            note=data["note"],
            documents=[(data["title"], data["document"])],
        ),
        _("The assistance is delivered; the organisation is asked to rate it."),
    )


@login_required
@require_POST
def request_close(request, pk):
    return _action(
        request,
        pk,
        CloseForm,
        "close_form",
        lambda tar, data: services.request_close(
            request_id=tar.pk,
            actor=request.user,
            satisfaction=data["satisfaction"],
            comment=data["comment"],
        ),
        _("Thank you: the request is closed with your rating."),
    )


@login_required
def my_assignments(request):
    require_can(request.user, "lab.expert")
    page = Paginator(expert_queue(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "lab/my_assignments.html", {"page": page})


@login_required
def workload(request):
    require_can(request.user, "lab.queue")
    page = Paginator(expert_workload(), 25).get_page(request.GET.get("page"))
    return render(request, "lab/workload.html", {"page": page})


@login_required
def organisation_requests(request):
    rows = (
        requests_visible_to(request.user)
        .filter(organisation__memberships__user=request.user)
        .order_by("-created_at", "-id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "lab/organisation_requests.html", {"page": page})


@login_required
def document(request, pk, doc_pk):
    """Delivered documents are served only to those who may see the request."""
    doc = get_delivery_document_for(get_request_for(request.user, pk), doc_pk)
    return file_response(doc.file, doc.original_name or doc.title)
