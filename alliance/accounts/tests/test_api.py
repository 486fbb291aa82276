import pytest

from alliance.accounts.models import ApiToken
from alliance.accounts.tokens import token_create

from .reauth import reauthenticated

pytestmark = pytest.mark.django_db


def test_centre_types_endpoint_returns_the_four_types_with_objectives(client):
    data = client.get("/api/v1/centre-types").json()
    assert [row["code"] for row in data] == [
        "TECHNOLOGY",
        "RESEARCH_ENTREPRENEURSHIP",
        "DIGITAL_TRANSFORMATION",
        "INITIATIVES",
    ]
    assert data[3]["objectives"] == ["ECOSYSTEM"]
    assert data[0]["scopes"] == ["global", "regional"]
    assert (
        data[1]["translations"]["name"]["fr"]
        == "Centre d'accélération de la recherche et de l'entrepreneuriat"
    )


def test_reference_endpoints(client):
    assert len(client.get("/api/v1/objectives").json()) == 5
    assert [r["code"] for r in client.get("/api/v1/regions").json()] == [
        "AFR",
        "AMS",
        "ARB",
        "ASP",
        "CIS",
        "EUR",
    ]
    cis = client.get("/api/v1/countries", {"region": "cis", "limit": 100}).json()
    assert {"code": "AZ", "name": "Azerbaijan", "region": "CIS"} in cis["items"]
    assert cis["count"] == 10


def test_openapi_docs_are_served_locally(client):
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert "/api/v1/centre-types" in client.get("/api/v1/openapi.json").content.decode()


def test_token_is_stored_hashed_and_authenticates(client, ministry_focal_point):
    token, raw = token_create(actor=ministry_focal_point, name="script", scope="write")
    assert raw not in (token.token_hash, token.prefix)
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert me.status_code == 200
    assert me.json()["email"] == "focal@ministry.test"
    assert me.json()["organisations"] == ["Ministry of ICT (MICT)"]


def test_missing_wrong_or_revoked_token_is_401(client, ministry_focal_point):
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer ah_wrong").status_code == 401
    reauthenticated(client, ministry_focal_point)
    client.post("/en/api-tokens/", {"name": "laptop", "scope": "read", "days": "30"})
    token = ApiToken.objects.get(name="laptop")
    client.post(f"/en/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_page_shows_the_secret_once(client, ministry_focal_point):
    reauthenticated(client, ministry_focal_point)
    created = client.post(
        "/en/api-tokens/", {"name": "laptop", "scope": "read", "days": "30"}
    ).content.decode()
    assert "It will not be shown again" in created
    assert "ah_" in created
    again = client.get("/en/api-tokens/").content.decode()
    assert "It will not be shown again" not in again


def test_someone_elses_token_cannot_be_revoked(client, ministry_focal_point, stranger):
    token, _raw = token_create(actor=ministry_focal_point, name="mine", scope="write")
    client.force_login(stranger)
    assert client.post(f"/en/api-tokens/{token.pk}/revoke/").status_code == 404
