"""Every list of the API is bounded: the lists answered as plain arrays (kept so for the
clients that read them) take `limit` (at most 200) and `offset` too, in a stable order."""

import pytest

from alliance.lab.tests.factories import AssistanceRequestFactory

from .http import bearer

pytestmark = pytest.mark.django_db

ARRAYS = [
    "/join-requests",
    "/joining/expressions",
    "/joining/assessments",
    "/joining/declarations",
    "/lab/requests",
    "/monitoring/reports",
    "/board/meetings",
]


@pytest.mark.parametrize("path", ARRAYS)
def test_an_array_list_refuses_an_unbounded_window(client, secretariat_officer, path):
    headers = bearer(secretariat_officer)
    for query in ("limit=201", "limit=0", "offset=-1", "offset=10001"):
        response = client.get(f"/api/v1{path}?{query}", **headers)
        assert response.status_code == 422, (path, query)
        assert response.json()["code"] == "invalid"
    assert client.get(f"/api/v1{path}?limit=1", **headers).status_code == 200


def test_the_lab_requests_come_in_windows_newest_first(client, lab_expert):
    made = [AssistanceRequestFactory(status="submitted").pk for _ in range(3)]
    headers = bearer(lab_expert)
    first = client.get("/api/v1/lab/requests?limit=2", **headers).json()
    rest = client.get("/api/v1/lab/requests?limit=2&offset=2", **headers).json()
    assert [r["id"] for r in first + rest] == sorted(made, reverse=True)
