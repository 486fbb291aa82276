"""The rows of each export of a call, shared by the CSV and Excel files. Private notes of
reviewers are never exported."""

from django.utils.translation import gettext_lazy as _

from .models import ReviewAssignment, Score
from .scoring import review_total
from .selectors import call_applications, ranked_applications


def applications_rows(call):
    yield [
        "id",
        "organisation",
        "country",
        "status",
        "centre_type",
        "scope",
        "host_institution",
        "submitted_at",
        "screening_reason",
        "reviewers",
        "reviews",
    ]
    for a in call_applications(call).iterator(chunk_size=500):
        yield [
            a.pk,
            str(a.organisation),
            a.organisation.country.code,
            a.status,
            a.proposed_centre_type.code if a.proposed_centre_type else "",
            a.proposed_scope,
            a.host_institution,
            a.submitted_at,
            a.screening_reason,
            a.n_assigned,
            a.n_reviews,
        ]


def reviews_rows(call):
    criteria = list(call.criteria.all())
    weights = {c.pk: c.weight for c in criteria}
    yield [
        "application_id",
        "organisation",
        "reviewer",
        "status",
        "due_at",
        "submitted_at",
        *[c.title.get("en", "") for c in criteria],
        "weighted_total",
        "shared_comment",
    ]
    scores: dict[int, dict[int, int]] = {}
    for assignment_id, criterion_id, value in Score.objects.filter(
        assignment__application__call=call, value__isnull=False
    ).values_list("assignment_id", "criterion_id", "value"):
        scores.setdefault(assignment_id, {})[criterion_id] = value
    assignments = (
        ReviewAssignment.objects.filter(application__call=call)
        .select_related("reviewer", "application__organisation")
        .order_by("application__organisation__name", "id")
    )
    for a in assignments.iterator(chunk_size=500):
        mine = scores.get(a.pk, {})
        yield [
            a.application_id,
            str(a.application.organisation),
            a.reviewer.email,
            a.status,
            a.due_at,
            a.submitted_at,
            *[mine.get(c.pk, "") for c in criteria],
            round(review_total(mine, weights), 3) if a.status == "submitted" and mine else "",
            a.shared_comment,
        ]


def ranking_rows(call):
    yield [
        "rank",
        "raw_rank",
        "id",
        "organisation",
        "country",
        "status",
        "reviews",
        "raw_score",
        "calibrated_score",
        "spread",
    ]
    for a, c in ranked_applications(call):
        yield [
            c.rank if c else "",
            c.raw_rank if c else "",
            a.pk,
            str(a.organisation),
            a.organisation.country.code,
            a.status,
            c.reviews if c else 0,
            round(c.raw, 3) if c else "",
            round(c.calibrated, 3) if c else "",
            round(c.spread, 3) if c else "",
        ]


# Each export's first row holds these keys; the file's header shows their labels in the
# language of the person who asked for it (services/exports.py).
LABELS = {
    "id": _("Application number"),
    "application_id": _("Application number"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "status": _("Status"),
    "centre_type": _("Centre type"),
    "scope": _("Scope"),
    "host_institution": _("Host institution"),
    "submitted_at": _("Submitted (UTC)"),
    "screening_reason": _("Screening reason"),
    "reviewers": _("Reviewers assigned"),
    "reviews": _("Reviews submitted"),
    "reviewer": _("Reviewer"),
    "due_at": _("Due (UTC)"),
    "weighted_total": _("Weighted total"),
    "shared_comment": _("Comment shared with the applicant"),
    "rank": _("Rank"),
    "raw_rank": _("Rank before calibration"),
    "raw_score": _("Score before calibration"),
    "calibrated_score": _("Calibrated score"),
    "spread": _("Spread between reviewers"),
}

ROWS = {"applications": applications_rows, "reviews": reviews_rows, "ranking": ranking_rows}
