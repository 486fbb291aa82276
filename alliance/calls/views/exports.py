"""CSV exports of a call's applications and ranking (staff only)."""

import csv

from django.http import HttpResponse

from alliance.core.access import staff_required

from .. import selectors
from ..permissions import get_staff_call


def _csv(filename: str) -> tuple[HttpResponse, csv.writer]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    return response, csv.writer(response)


@staff_required("calls.view_call")
def applications_csv(request, pk):
    call = get_staff_call(request.user, pk)
    response, writer = _csv(f"{call.reference}-applications.csv")
    writer.writerow(
        [
            "id",
            "organisation",
            "country",
            "status",
            "centre_type",
            "scope",
            "host_institution",
            "submitted_at",
            "assigned",
            "reviews",
        ]
    )
    for a in selectors.call_applications(call).iterator(chunk_size=500):
        writer.writerow(
            [
                a.pk,
                str(a.organisation),
                a.organisation.country.code,
                a.status,
                a.proposed_centre_type.code if a.proposed_centre_type else "",
                a.proposed_scope,
                a.host_institution,
                a.submitted_at.isoformat() if a.submitted_at else "",
                a.n_assigned,
                a.n_reviews,
            ]
        )
    return response


@staff_required("calls.view_call")
def ranking_csv(request, pk):
    call = get_staff_call(request.user, pk)
    response, writer = _csv(f"{call.reference}-ranking.csv")
    writer.writerow(
        [
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
    )
    for a, c in selectors.ranked_applications(call):
        writer.writerow(
            [
                c.rank if c else "",
                c.raw_rank if c else "",
                a.pk,
                str(a.organisation),
                a.organisation.country.code,
                a.status,
                c.reviews if c else 0,
                f"{c.raw:.3f}" if c else "",
                f"{c.calibrated:.3f}" if c else "",
                f"{c.spread:.3f}" if c else "",
            ]
        )
    return response
