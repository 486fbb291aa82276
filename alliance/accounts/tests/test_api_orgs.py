"""The API of issue 17: ask to join, answer, ask for a check, verify."""

from alliance.accounts.models import ItuMember, Membership
from alliance.accounts.tokens import token_create

from .factories import OrganisationFactory, UserFactory


def _auth(user):
    _token, raw = token_create(actor=user, name="script", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_ask_to_join_then_the_focal_point_approves(client, ministry, ministry_focal_point):
    person = UserFactory(email="new@ministry.test")
    response = client.post(
        f"/api/v1/organisations/{ministry.pk}/join-requests",
        {"message": "ICT unit"},
        content_type="application/json",
        **_auth(person),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "join" and body["actions"] == ["withdraw"]
    again = client.post(
        f"/api/v1/organisations/{ministry.pk}/join-requests",
        {},
        content_type="application/json",
        **_auth(person),
    )
    assert again.status_code == 409 and again.json()["code"] == "already_requested"
    stranger = client.post(f"/api/v1/join-requests/{body['id']}/approve", **_auth(UserFactory()))
    assert stranger.status_code == 404
    approved = client.post(
        f"/api/v1/join-requests/{body['id']}/approve", **_auth(ministry_focal_point)
    )
    assert approved.json()["status"] == "approved"
    assert Membership.objects.filter(user=person, organisation=ministry).exists()


def test_check_requested_and_verified_by_the_secretariat(
    client, university, university_focal_point, secretariat_officer
):
    asked = client.post(
        f"/api/v1/organisations/{university.pk}/membership-check", **_auth(university_focal_point)
    )
    assert asked.json()["itu_status"] == "pending"
    entry = ItuMember.objects.create(category="academia", key="AC-UON", name="UoN", country="KE")
    refused = client.post(
        f"/api/v1/organisations/{university.pk}/membership-check/verify",
        {"entry_id": entry.pk},
        content_type="application/json",
        **_auth(university_focal_point),
    )
    assert refused.status_code == 404
    verified = client.post(
        f"/api/v1/organisations/{university.pk}/membership-check/verify",
        {"entry_id": entry.pk},
        content_type="application/json",
        **_auth(secretariat_officer),
    )
    assert verified.json()["verified_membership"] == "academia"
    other = OrganisationFactory(country="MW")
    mismatch = client.post(
        f"/api/v1/organisations/{other.pk}/membership-check/verify",
        {"entry_id": entry.pk},
        content_type="application/json",
        **_auth(secretariat_officer),
    )
    assert mismatch.status_code == 409 and mismatch.json()["code"] == "entry_mismatch"
