import pytest
import time_machine

from alliance.accounts.tokens import token_create

pytestmark = pytest.mark.django_db


def test_public_registry_api(client, accredited):
    centre, accreditation = accredited
    data = client.get("/api/v1/centres").json()
    assert data["count"] == 1
    row = data["items"][0]
    assert row["name"] == centre.name and row["region"] == "AFR"
    assert row["accreditation"]["verification_code"] == accreditation.verification_code
    assert "contact_email" not in row
    assert client.get("/api/v1/centres", {"region": "eur"}).json()["count"] == 0
    assert client.get("/api/v1/centres", {"centre_type": "NOPE"}).json()["count"] == 0
    assert client.get(f"/api/v1/centres/{centre.pk}").json()["id"] == centre.pk
    assert client.get("/api/v1/centres/999999").status_code == 404


@time_machine.travel("2025-06-01")
def test_verification_api(client, accredited):
    _centre, accreditation = accredited
    assert client.get(f"/api/v1/verify/{accreditation.display_code}").json()["status"] == "valid"
    assert client.get("/api/v1/verify/nonsense").json() == {
        "status": "unknown",
        "centre": None,
        "centre_id": None,
        "centre_type": None,
        "country": None,
        "start_date": None,
        "end_date": None,
        "superseded_by": None,
    }
    ok = client.post(
        "/api/v1/verify",
        {"credential": accreditation.credential_jwt},
        content_type="application/json",
    ).json()
    assert ok["status"] == "valid"
    bad = client.post(
        "/api/v1/verify", {"credential": "a.b.c"}, content_type="application/json"
    ).json()
    assert bad["status"] == "invalid"


def _auth(user):
    _token, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_manager_edits_profile_and_adds_an_initiative_with_a_token(client, accredited, manager):
    centre, _ = accredited
    response = client.patch(
        f"/api/v1/centres/{centre.pk}/profile",
        {"description": "Updated through the API"},
        content_type="application/json",
        **_auth(manager),
    )
    assert response.status_code == 200
    assert response.json()["description"] == "Updated through the API"
    assert response.json()["translations"]["description"] == {"en": "Updated through the API"}
    response = client.post(
        f"/api/v1/centres/{centre.pk}/initiatives",
        {
            "title": {"en": "Sandbox", "fr": "Bac à sable"},
            "objectives": ["POLICY"],
            "budget_usd": 5000,
        },
        content_type="application/json",
        **_auth(manager),
    )
    assert response.status_code == 201
    assert response.json()["objectives"] == ["POLICY"]
    assert client.get(f"/api/v1/centres/{centre.pk}/initiatives").json()[0]["title"] == "Sandbox"


def test_others_cannot_edit_through_the_api(client, accredited, other_manager):
    centre, _ = accredited
    response = client.patch(
        f"/api/v1/centres/{centre.pk}/profile",
        {"description": {"en": "Hijack"}},
        content_type="application/json",
        **_auth(other_manager),
    )
    assert response.status_code == 404
    centre.refresh_from_db()
    assert centre.description.get("en") != "Hijack"
    assert client.patch(f"/api/v1/centres/{centre.pk}/profile", {}).status_code == 401


def test_bad_dates_are_refused_with_a_code(client, accredited, manager):
    centre, _ = accredited
    response = client.post(
        f"/api/v1/centres/{centre.pk}/initiatives",
        {"title": "Backwards", "start_date": "2025-05-01", "end_date": "2025-01-01"},
        content_type="application/json",
        **_auth(manager),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_dates"


def test_accreditation_history_is_public(client, accredited):
    centre, accreditation = accredited
    rows = client.get(f"/api/v1/centres/{centre.pk}/accreditations").json()
    assert [r["verification_code"] for r in rows] == [accreditation.verification_code]
    assert set(rows[0]) == {"centre_type", "start_date", "end_date", "status", "verification_code"}


def test_secretariat_updates_a_centre_and_a_manager_is_refused(
    client, accredited, secretariat_officer, manager
):
    centre, _ = accredited
    response = client.patch(
        f"/api/v1/centres/{centre.pk}",
        {"name": "Renamed Centre", "objectives": ["POLICY", "ECOSYSTEM"]},
        content_type="application/json",
        **_auth(secretariat_officer),
    )
    assert response.status_code == 200
    assert response.json()["objectives"] == ["POLICY", "ECOSYSTEM"]
    refused = client.patch(
        f"/api/v1/centres/{centre.pk}",
        {"name": "Mine now"},
        content_type="application/json",
        **_auth(manager),
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    centre.refresh_from_db()
    assert centre.name == "Renamed Centre"


def test_registry_api_pages_with_bounded_queries(client, django_assert_max_num_queries):
    from .test_registry import bulk_centres

    bulk_centres(120)
    with django_assert_max_num_queries(6):
        data = client.get("/api/v1/centres", {"limit": 50, "offset": 100}).json()
    assert data["count"] == 120
    assert len(data["items"]) == 20


def test_manager_updates_an_initiative_through_the_api(client, accredited, manager, other_manager):
    from alliance.centres import services

    centre, _ = accredited
    initiative = services.initiative_create(
        centre_id=centre.pk, actor=manager, title={"en": "Sandbox"}, status="planned"
    )
    response = client.patch(
        f"/api/v1/initiatives/{initiative.pk}",
        {"status": "completed", "outcomes": "Twelve start-ups tested products."},
        content_type="application/json",
        **_auth(manager),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "completed"
    assert response.json()["title"] == "Sandbox"
    other = client.patch(
        f"/api/v1/initiatives/{initiative.pk}",
        {"status": "cancelled"},
        content_type="application/json",
        **_auth(other_manager),
    )
    assert other.status_code == 404


def test_writes_answer_with_what_the_caller_may_do_next(
    client, accredited, manager, secretariat_officer
):
    centre, _ = accredited
    mine = client.patch(
        f"/api/v1/centres/{centre.pk}/profile",
        {"website": "https://centre.example.mw"},
        content_type="application/json",
        **_auth(manager),
    ).json()
    assert mine["actions"] == ["edit_profile", "request_move"]
    assert mine["accreditation"]["actions"] == []
    staff = client.patch(
        f"/api/v1/centres/{centre.pk}",
        {"name": "Renamed Centre"},
        content_type="application/json",
        **_auth(secretariat_officer),
    ).json()
    assert staff["actions"] == ["close", "edit", "edit_profile", "request_move"]
    assert staff["accreditation"]["actions"] == ["open_renewal"]
    initiative = client.post(
        f"/api/v1/centres/{centre.pk}/initiatives",
        {"title": "Sandbox"},
        content_type="application/json",
        **_auth(manager),
    ).json()
    assert "complete" in initiative["actions"] and "edit" in initiative["actions"]
    assert "actions" not in client.get(f"/api/v1/centres/{centre.pk}").json()


def test_a_retried_initiative_is_added_once(client, accredited, manager):
    centre, _ = accredited
    path = f"/api/v1/centres/{centre.pk}/initiatives"
    headers = {**_auth(manager), "HTTP_IDEMPOTENCY_KEY": "initiative-1"}
    body = {"title": {"en": "Sandbox"}, "budget_usd": 5000}
    first = client.post(path, body, content_type="application/json", **headers)
    assert first.status_code == 201, first.content
    again = client.post(path, body, content_type="application/json", **headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert again["Idempotent-Replayed"] == "true"
    assert centre.initiatives.count() == 1
