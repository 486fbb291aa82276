"""Reads that matter: public lists, queues, ranking, results."""

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from alliance.accounts.models import Organisation
from alliance.accounts.policy import MANAGER_ROLES

from .models import Application, Call, Criterion, ReviewAssignment, Score
from .scoring import Consolidated, ReviewRow, consolidate, rank_reviews
from .states import (
    APPLICATION_SUBMITTED,
    ASSIGNMENT_ACTIVE,
    ApplicationStatus,
    AssignmentStatus,
    CallStatus,
)


def _public_calls() -> QuerySet[Call]:
    return Call.objects.exclude(status=CallStatus.DRAFT).prefetch_related("centre_types", "regions")


def calls_open(now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return (
        _public_calls()
        .filter(status=CallStatus.OPEN, opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "id")
    )


def calls_upcoming(now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return (
        _public_calls().filter(status=CallStatus.OPEN, opens_at__gt=now).order_by("opens_at", "id")
    )


def calls_past(now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return (
        _public_calls()
        .filter(~Q(status=CallStatus.OPEN) | Q(closes_at__lte=now))
        .order_by("-closes_at", "-id")
    )


def next_call_change(now=None):
    """The next moment a public call opens or closes (the public lists change then)."""
    now = now or timezone.now()
    found = Call.objects.filter(status=CallStatus.OPEN).aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    moments = [m for m in found.values() if m is not None]
    return min(moments) if moments else None


def public_call_or_none(pk: int) -> Call | None:
    return (
        Call.objects.exclude(status=CallStatus.DRAFT)
        .prefetch_related("centre_types", "regions", "criteria", "questions")
        .filter(pk=pk)
        .first()
    )


def staff_calls() -> QuerySet[Call]:
    # A correlated count, not a JOIN + GROUP BY: it runs for the page's rows only (on the
    # call/status index), and the paginator's COUNT stays a plain count of calls. The
    # GROUP BY aggregated every application of ten years on every page view.
    submitted = (
        Application.objects.filter(call=OuterRef("pk"), status__in=APPLICATION_SUBMITTED)
        .order_by()
        .values("call")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Call.objects.annotate(
        n_applications=Coalesce(Subquery(submitted, output_field=IntegerField()), 0)
    ).order_by("-created_at", "-id")


def applications_for_organisations(user) -> QuerySet[Application]:
    return (
        Application.objects.filter(organisation__memberships__user=user)
        .select_related("call", "organisation")
        .order_by("-updated_at", "-id")
    )


def organisations_that_may_apply(user):
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role__in=MANAGER_ROLES,
    ).order_by("name")


def _count_assignments(statuses) -> Coalesce:
    rows = (
        ReviewAssignment.objects.filter(application=OuterRef("pk"), status__in=statuses)
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def call_applications(call: Call, status: str | None = None) -> QuerySet[Application]:
    # Correlated counts (on the application/status index) for the rows shown, rather
    # than a GROUP BY over every review of the call, which the paginator's COUNT repeated.
    rows = (
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("organisation", "proposed_centre_type")
        .annotate(
            n_assigned=_count_assignments([*ASSIGNMENT_ACTIVE, AssignmentStatus.SUBMITTED]),
            n_reviews=_count_assignments([AssignmentStatus.SUBMITTED]),
        )
        .order_by("organisation__name", "id")
    )
    if status:
        rows = rows.filter(status=status)
    return rows


def reviewers():
    """The people who may be asked to review (the capability calls.review_application)."""
    granted = Q(
        groups__permissions__codename="review_application",
        groups__permissions__content_type__app_label="calls",
    ) | Q(
        user_permissions__codename="review_application",
        user_permissions__content_type__app_label="calls",
    )
    return (
        get_user_model()
        .objects.filter(granted, is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def reviewer_queue(user) -> QuerySet[ReviewAssignment]:
    """The reviewer's assignments; recusals are gone from the list, as from everywhere."""
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=AssignmentStatus.RECUSED)
        .select_related("application__organisation", "application__call")
        .order_by("status", "due_at", "id")
    )


def assignments_with_scores(application: Application) -> list:
    """(assignment, its scores) for every reviewer of the application; scores only once
    the review is submitted (a draft is the reviewer's own)."""
    assignments = application.assignments.select_related("reviewer").order_by("id")
    scores = Score.objects.filter(
        assignment__application=application, assignment__status=AssignmentStatus.SUBMITTED
    ).select_related("criterion")
    by_assignment: dict[int, list] = {}
    for s in scores:
        by_assignment.setdefault(s.assignment_id, []).append(s)
    return [(a, by_assignment.get(a.pk, [])) for a in assignments]


def late_assignments(call: Call, now=None) -> QuerySet[ReviewAssignment]:
    now = now or timezone.now()
    return (
        ReviewAssignment.objects.filter(
            application__call=call, status__in=ASSIGNMENT_ACTIVE, due_at__lt=now
        )
        .select_related("reviewer", "application__organisation")
        .order_by("due_at", "id")
    )


def ranking_for_call(call: Call) -> dict[int, Consolidated]:
    """Two queries whatever the size of the call: the weights and the submitted scores."""
    weights = dict(Criterion.objects.filter(call=call).values_list("id", "weight"))
    rows = Score.objects.filter(
        assignment__application__call=call,
        assignment__status=AssignmentStatus.SUBMITTED,
        value__isnull=False,
    ).values_list("assignment__application_id", "assignment__reviewer_id", "criterion_id", "value")
    return consolidate(list(rows), weights)


def ranking_totals_for_call(call: Call) -> dict[int, Consolidated]:
    """The ranking without criterion means, in two queries: the database adds up each
    review's weighted scores, so a row per review comes back rather than a row per score.
    The sums are integers, so every total (and thus every rank) equals consolidate()'s."""
    total_weight = (
        Criterion.objects.filter(call=call).order_by().aggregate(w=Sum("weight"))["w"] or 1
    )
    sums = (
        Score.objects.filter(
            assignment__application__call=call,
            assignment__status=AssignmentStatus.SUBMITTED,
            value__isnull=False,
        )
        .order_by()
        .values("assignment__application_id", "assignment__reviewer_id")
        .annotate(weighted=Sum(F("value") * F("criterion__weight")))
        .values_list("assignment__application_id", "assignment__reviewer_id", "weighted")
    )
    return rank_reviews([ReviewRow(app, reviewer, w / total_weight) for app, reviewer, w in sums])


RANKED_STATUSES = [
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.SELECTED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.MORE_INFO_REQUESTED,
]


def _ranked_order(call: Call) -> list[tuple[int, Consolidated | None]]:
    """(application id, consolidated) in ranking order, from ids and names only: loading
    every application of a large call to show a page of a hundred cost more than ranking."""
    ranking = ranking_totals_for_call(call)
    keys = (
        call.applications.filter(status__in=RANKED_STATUSES)
        .order_by()
        .values_list("pk", "organisation__name")
    )
    rows = [(pk, name, ranking.get(pk)) for pk, name in keys]
    # The id settles two organisations of the same name, as the database's order did.
    rows.sort(key=lambda r: (r[2] is None, r[2].rank if r[2] else 0, r[1], r[0]))
    return [(pk, c) for pk, _name, c in rows]


def _with_applications(
    ordered: list[tuple[int, Consolidated | None]], applications: QuerySet[Application]
) -> list[tuple[Application, Consolidated | None]]:
    by_pk = {a.pk: a for a in applications.select_related("organisation", "proposed_centre_type")}
    return [(by_pk[pk], c) for pk, c in ordered if pk in by_pk]


def ranked_applications(call: Call) -> list[tuple[Application, Consolidated | None]]:
    """Every ranked application with its consolidated scores (the export)."""
    return _with_applications(
        _ranked_order(call), call.applications.filter(status__in=RANKED_STATUSES)
    )


def ranking_page(call: Call, number, per_page: int = 100) -> Page:
    """One page of the ranking: four queries whatever the size of the call, and only the
    page's applications loaded in full."""
    page = Paginator(_ranked_order(call), per_page).get_page(number)
    ids = [pk for pk, _c in page.object_list]
    page.object_list = _with_applications(
        list(page.object_list), call.applications.filter(pk__in=ids)
    )
    for application, _c in page.object_list:
        application.call = call  # what each row may lead to reads the call's state
    return page


def call_figures(call: Call) -> dict:
    counts = call.applications.aggregate(
        submitted=Count("id", filter=Q(status__in=APPLICATION_SUBMITTED)),
        eligible=Count(
            "id",
            filter=Q(
                status__in=[
                    ApplicationStatus.IN_REVIEW,
                    ApplicationStatus.MORE_INFO_REQUESTED,
                    ApplicationStatus.SELECTED,
                    ApplicationStatus.NOT_SELECTED,
                ]
            ),
        ),
        selected=Count("id", filter=Q(status=ApplicationStatus.SELECTED)),
    )
    counts["reviews"] = ReviewAssignment.objects.filter(
        application__call=call, status=AssignmentStatus.SUBMITTED
    ).count()
    return counts


def published_results(call: Call) -> list[tuple[Application, Consolidated | None]]:
    """Selected applications only; consolidated scores, never one reviewer's."""
    ranking = ranking_for_call(call)
    selected = (
        call.applications.filter(status=ApplicationStatus.SELECTED)
        .select_related("organisation", "proposed_centre_type")
        .order_by("organisation__name")
    )
    rows = [(a, ranking.get(a.pk)) for a in selected]
    rows.sort(key=lambda r: (r[1] is None, r[1].rank if r[1] else 0))
    return rows


def feedback_for_applicant(application: Application):
    """After publication the applicant sees consolidated scores per criterion and the
    shared comments, without reviewer names."""
    ranking = ranking_for_call(application.call).get(application.pk)
    assignments = (
        application.assignments.filter(status=AssignmentStatus.SUBMITTED)
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("id")
    )
    return ranking, list(assignments)
