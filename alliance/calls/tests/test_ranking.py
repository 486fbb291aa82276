"""The staff ranking page: same ranking as the full consolidation, cost independent of size."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.calls import selectors
from alliance.calls.models import ReviewAssignment, Score
from alliance.calls.states import AssignmentStatus

from .test_pages import _reviewed_call, text

pytestmark = pytest.mark.django_db


def _figures(ranking):
    return {
        pk: (c.rank, c.raw_rank, c.raw, c.calibrated, c.spread, c.reviews)
        for pk, c in ranking.items()
    }


def test_database_sums_rank_exactly_like_the_full_consolidation():
    call, _ = _reviewed_call(12)
    apps = list(call.applications.order_by("id"))
    # A criterion left blank, a review still in progress: both must be handled the same way.
    Score.objects.filter(assignment__application=apps[0]).order_by("id").first().delete()
    Score.objects.filter(assignment__application=apps[1]).update(value=None)
    ReviewAssignment.objects.filter(application=apps[2]).update(status=AssignmentStatus.ACCEPTED)
    full = selectors.ranking_for_call(call)
    assert apps[2].pk not in full
    assert _figures(selectors.ranking_totals_for_call(call)) == _figures(full)


def test_pages_follow_the_ranking_and_load_only_their_rows():
    call, _ = _reviewed_call(15)
    everything = [(a.pk, c.rank if c else None) for a, c in selectors.ranked_applications(call)]
    ranks = [r for _pk, r in everything]
    assert ranks == sorted(ranks)
    shown = []
    for number in (1, 2, 3):
        page = selectors.ranking_page(call, number, per_page=6)
        shown += [(a.pk, c.rank if c else None) for a, c in page]
    assert shown == everything
    assert page.paginator.num_pages == 3


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), text(response)


def test_ranking_page_costs_the_same_queries_at_20_and_60_applications(client, director):
    small, _ = _reviewed_call(20)
    large, _ = _reviewed_call(60)
    client.force_login(director)
    client.get(reverse("calls:staff_ranking", args=[small.pk]))  # session and permissions warm
    n_small, _ = _count(client, reverse("calls:staff_ranking", args=[small.pk]))
    n_large, body = _count(client, reverse("calls:staff_ranking", args=[large.pk]))
    assert n_small == n_large <= 15
    # Every ranked application is on the single page, ranks in order.
    rows = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("</tr>")[:-1]
    assert len(rows) == 60
    ranks = [int(re.match(r"<tr><td>(\d+)</td>", row.strip()).group(1)) for row in rows]
    assert ranks == sorted(ranks)
