"""A credential that generic tools check: jwcrypto verifies its signature against the
served JWKS and refuses it after `exp`; the served @context defines every custom term;
issuer and ids come from the configured site address; the public page offers the file."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from jwcrypto import jwk, jwt
from jwcrypto.jwt import JWTExpired

pytestmark = pytest.mark.django_db

SITE = "https://hub.example.org"


def _verify_with_jwcrypto(client, token: str) -> dict:
    keys = jwk.JWKSet.from_json(client.get("/.well-known/jwks.json").content)
    return json.loads(jwt.JWT(jwt=token, key=keys, algs=["EdDSA"]).claims)


def test_jwcrypto_verifies_the_credential_from_the_public_page_and_refuses_it_after_exp(
    client, accredited
):
    centre, accreditation = accredited
    page = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    download = reverse("centres:public_credential", args=[centre.pk])
    assert f'href="{download}"' in page
    assert "/.well-known/jwks.json" in page
    token = client.get(download).content.decode()
    assert token == accreditation.credential_jwt
    with time_machine.travel(datetime(2025, 6, 1, tzinfo=UTC), tick=False):
        claims = _verify_with_jwcrypto(client, token)
    assert claims["exp"] == int(datetime(2027, 2, 28, 23, 59, 59, tzinfo=UTC).timestamp())
    assert claims["nbf"] == int(datetime(2024, 3, 1, tzinfo=UTC).timestamp())
    with (
        time_machine.travel(datetime(2027, 3, 2, tzinfo=UTC), tick=False),
        pytest.raises(JWTExpired),
    ):
        _verify_with_jwcrypto(client, token)


def test_a_tampered_credential_fails_jwcrypto(client, accredited):
    _centre, accreditation = accredited
    head, body, signature = accreditation.credential_jwt.split(".")
    forged = f"{head}.{body[:-4]}AAAA.{signature}"
    with pytest.raises(Exception):  # noqa: B017 - jwcrypto raises several kinds
        _verify_with_jwcrypto(client, forged)


def test_the_served_context_defines_every_custom_term_of_the_credential(client, accredited):
    from alliance.centres.credentials import accreditation_credential

    _centre, accreditation = accredited
    vc = accreditation_credential(accreditation)
    context = client.get(vc["@context"][1].removeprefix("http://127.0.0.1:8000"))
    assert context["Content-Type"] == "application/ld+json"
    assert context["Access-Control-Allow-Origin"] == "*"
    defined = context.json()["@context"]
    custom = {*vc["credentialSubject"], *vc["type"], vc["credentialSubject"]["type"]}
    custom -= {"id", "type", "name", "VerifiableCredential"}
    assert custom <= set(defined)


@override_settings(SITE_URL=SITE)
def test_issuer_and_ids_come_from_the_configured_site_address(accredited):
    from alliance.centres.credentials import accreditation_credential

    _centre, accreditation = accredited
    vc = accreditation_credential(accreditation)
    assert vc["issuer"]["id"] == vc["iss"] == f"{SITE}/"
    assert vc["id"].startswith(f"{SITE}/en/centres/verify/")
    assert vc["credentialSubject"]["id"] == vc["sub"] == f"{SITE}/en/centres/{_centre.pk}/"
    assert vc["@context"][1] == f"{SITE}/credentials/context/v1"
    assert all(s["id"].startswith(f"{SITE}/credentials/status/") for s in vc["credentialStatus"])
