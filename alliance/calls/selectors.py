"""Reads that matter: public lists, queues, ranking, results."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from alliance.accounts.models import MembershipRole

from .models import Application, Call, Criterion, ReviewAssignment, Score
from .scoring import Consolidated, consolidate
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
    from alliance.accounts.models import Organisation

    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
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


def reviewer_queue(user) -> QuerySet[ReviewAssignment]:
    """The reviewer's assignments; recusals are gone from the list, as from everywhere."""
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=AssignmentStatus.RECUSED)
        .select_related("application__organisation", "application__call")
        .order_by("status", "due_at", "id")
    )


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


def ranked_applications(call: Call) -> list[tuple[Application, Consolidated | None]]:
    ranking = ranking_for_call(call)
    applications = call.applications.filter(
        status__in=[
            ApplicationStatus.IN_REVIEW,
            ApplicationStatus.SELECTED,
            ApplicationStatus.NOT_SELECTED,
            ApplicationStatus.MORE_INFO_REQUESTED,
        ]
    ).select_related("organisation", "proposed_centre_type")
    rows = [(a, ranking.get(a.pk)) for a in applications]
    rows.sort(key=lambda r: (r[1] is None, r[1].rank if r[1] else 0, r[0].organisation.name))
    return rows


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
