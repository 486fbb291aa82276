"""What the CI fuzzing run (scripts/fuzz_api, ADR 0024) found, kept as plain tests: each
input was a 500 before its fix and is now a documented 4xx with the Error schema."""

import pytest

from alliance.board.models import BoardMember
from alliance.board.tests.factories import BoardMemberFactory
from tests.api.http import bearer
from tests.api.test_errors import assert_error, send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["full_name", "title", "email", "organisation_name", "biography"])
def test_a_null_in_a_board_member_edit_is_a_422_and_nothing_changes(client, director, field):
    member = BoardMemberFactory(full_name="Ingrid Solberg", email="ingrid@board.test")
    url = f"/api/v1/board/staff/members/{member.pk}/actions/edit"
    response = send(client, "post", url, {field: None}, director)
    assert_error(response, 422, "invalid", field)
    member = BoardMember.objects.get(pk=member.pk)
    assert (member.full_name, member.email, member.title) == (
        "Ingrid Solberg",
        "ingrid@board.test",
        "Minister of ICT",
    )


MULTIPART_ACTIONS = [
    "/api/v1/board/staff/meetings/0/actions/add_paper",
    "/api/v1/lab/staff/agreements/0/actions/edit",
    "/api/v1/lab/staff/projects/0/actions/deliver",
    "/api/v1/lab/staff/requests/0/actions/deliver",
]


@pytest.mark.parametrize("path", MULTIPART_ACTIONS)
def test_a_multipart_body_without_a_boundary_is_a_400(client, secretariat_officer, path):
    response = client.post(
        path, b"title=Budget", content_type="multipart/form-data", **bearer(secretariat_officer)
    )
    assert_error(response, 400, "bad_request")


@pytest.mark.parametrize("body_text", ["[null, null]", "3", '"note"', "null"])
def test_a_json_body_that_is_not_an_object_is_a_422(client, lab_expert, body_text):
    path = "/api/v1/lab/staff/requests/0/actions/deliver"
    response = client.post(path, body_text, content_type="application/json", **bearer(lab_expert))
    body = assert_error(response, 422, "invalid")
    if body_text != "null":  # no body at all: the fields it lacks are named instead
        assert "The body must be a JSON object." in str(body["errors"])
