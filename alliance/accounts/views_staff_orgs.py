"""The secretariat's pages on organisations: ITU's lists, the membership check, people,
the focal point, merging duplicates, and what is waiting for an answer."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.access import get_visible_or_404, staff_required
from alliance.core.states import TransitionRefused

from . import itu, joins, merge
from .forms_orgs import (
    HandOverForm,
    ItuEntryForm,
    ItuImportForm,
    MergeForm,
    PersonAddForm,
    ReasonForm,
    VerifyForm,
)
from .models import ItuMember, ItuMembership, MembershipRole, Organisation
from .selectors import waiting_for_secretariat

STAFF = "accounts.manage_organisations"


def _organisation(pk) -> Organisation:
    return get_visible_or_404(Organisation.objects.select_related("itu_entry"), pk=pk)


@staff_required(STAFF)
def waiting(request):
    claims, checks = waiting_for_secretariat()
    return render(request, "accounts/staff/waiting.html", {"claims": claims, "checks": checks})


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def membership_check(request, pk):
    organisation = _organisation(pk)
    entries = itu.entries_for(organisation)
    action = request.POST.get("action", "verify")
    form = VerifyForm(request.POST if action == "verify" else None, entries=entries)
    reason_form = ReasonForm(request.POST if action != "verify" else None)
    if request.method == "POST":
        bound = form if action == "verify" else reason_form
        if bound.is_valid():
            try:
                if action == "verify":
                    itu.verify(
                        organisation_id=pk,
                        actor=request.user,
                        entry_id=form.cleaned_data["entry"].pk,
                    )
                    done = _("The ITU membership of %(organisation)s is verified.")
                elif action == "revoke":
                    itu.revoke_check(
                        organisation_id=pk,
                        actor=request.user,
                        reason=reason_form.cleaned_data["reason"],
                    )
                    done = _("The verification of %(organisation)s was withdrawn.")
                else:
                    itu.decline_check(
                        organisation_id=pk,
                        actor=request.user,
                        reason=reason_form.cleaned_data["reason"],
                    )
                    done = _("The check of %(organisation)s was declined.")
            except TransitionRefused as refused:
                bound.add_error(None, refused.reason)
            else:
                messages.success(request, done % {"organisation": organisation})
                return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request,
        "accounts/staff/membership_check.html",
        {
            "organisation": organisation,
            "form": form if action == "verify" else reason_form,
            "verify_form": form,
            "reason_form": reason_form,
        },
    )


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def person_add(request, pk):
    organisation = _organisation(pk)
    form = PersonAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            joins.person_add(organisation_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error("email", refused.reason)
        else:
            messages.success(
                request,
                _("%(email)s was added to %(organisation)s.")
                % {"email": form.cleaned_data["email"], "organisation": organisation},
            )
            return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request, "accounts/staff/person_add.html", {"form": form, "organisation": organisation}
    )


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def hand_over(request, pk):
    organisation = _organisation(pk)
    memberships = (
        organisation.memberships.exclude(role=MembershipRole.FOCAL_POINT)
        .select_related("user")
        .order_by("user__email")
    )
    form = HandOverForm(request.POST or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        try:
            joins.focal_point_hand_over(
                organisation_id=pk,
                actor=request.user,
                to_membership_id=form.cleaned_data["membership"],
            )
        except TransitionRefused as refused:
            form.add_error("membership", refused.reason)
        else:
            messages.success(request, _("The focal point was handed over."))
            return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request, "accounts/staff/hand_over.html", {"form": form, "organisation": organisation}
    )


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def organisation_merge(request, pk):
    organisation = _organisation(pk)
    form = MergeForm(request.POST or request.GET or None, organisation=organisation)
    plan = None
    if form.is_bound and form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        plan = merge.plan(organisation, duplicate)
        if request.method == "POST" and request.POST.get("confirm"):
            try:
                merge.organisation_merge(
                    keep_id=organisation.pk, duplicate_id=duplicate.pk, actor=request.user
                )
            except TransitionRefused as refused:
                form.add_error("duplicate", refused.reason)
            else:
                messages.success(
                    request,
                    _("%(duplicate)s was merged into %(organisation)s.")
                    % {"duplicate": duplicate, "organisation": organisation},
                )
                return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request,
        "accounts/staff/merge.html",
        {"form": form, "organisation": organisation, "plan": plan},
    )


@staff_required(STAFF)
def itu_list(request):
    category = request.GET.get("category")
    entries = ItuMember.objects.order_by("category", "name")
    if category in ItuMembership.values:
        entries = entries.filter(category=category)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    categories = [c for c in ItuMembership.choices if c[0] != ItuMembership.NONE]
    return render(
        request,
        "accounts/staff/itu_list.html",
        {"page": page, "categories": categories, "category": category},
    )


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def itu_import(request):
    form = ItuImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["content"]
        if request.POST.get("confirm"):
            try:
                done = itu.apply_import(text=content, actor=request.user, source="upload")
            except TransitionRefused as refused:
                form.add_error(None, refused.reason)
            else:
                messages.success(
                    request,
                    _(
                        "ITU's list was imported: %(added)s added, %(changed)s changed, %(removed)s removed."
                    )
                    % {
                        "added": len(done.added),
                        "changed": len(done.changed),
                        "removed": len(done.removed),
                    },
                )
                return redirect("accounts:itu_list")
        else:
            preview = itu.preview_import(content)
            form = ItuImportForm(initial={"content": content})
    return render(request, "accounts/staff/itu_import.html", {"form": form, "preview": preview})


@staff_required(STAFF)
@require_http_methods(["GET", "POST"])
def itu_entry_edit(request, entry_pk):
    entry = get_visible_or_404(ItuMember.objects.all(), pk=entry_pk)
    form = ItuEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        itu.entry_update(
            entry_id=entry.pk,
            actor=request.user,
            name=form.cleaned_data["name"],
            country=str(form.cleaned_data["country"] or ""),
            active=form.cleaned_data["active"],
        )
        messages.success(request, _("The entry was saved."))
        return redirect("accounts:itu_list")
    return render(request, "accounts/staff/itu_entry_form.html", {"form": form, "entry": entry})
