import base64
import gzip
import json
from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from joserfc.jwk import OKPKey

from alliance.centres import credentials, services
from alliance.centres.credentials import (
    bit_is_set,
    decode_bitstring,
    encode_bitstring,
    verify_credential,
)
from alliance.centres.selectors import current_status_lists

pytestmark = pytest.mark.django_db

DURING = datetime(2025, 6, 1, tzinfo=UTC)


def _payload(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def test_credential_follows_the_vc_data_model_2(accredited):
    _centre, accreditation = accredited
    header = json.loads(base64.urlsafe_b64decode(accreditation.credential_jwt.split(".")[0] + "=="))
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    vc = _payload(accreditation.credential_jwt)
    assert vc["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "http://127.0.0.1:8000/credentials/context/v1",
    ]
    assert vc["type"] == ["VerifiableCredential", "AccelerationCentreAccreditation"]
    assert vc["validFrom"] == "2024-03-01T00:00:00Z"
    assert vc["validUntil"] == "2027-02-28T23:59:59Z"
    assert vc["credentialSubject"]["verificationCode"] == accreditation.verification_code
    assert {s["statusPurpose"] for s in vc["credentialStatus"]} == {"revocation", "suspension"}
    assert all(s["type"] == "BitstringStatusListEntry" for s in vc["credentialStatus"])


def test_round_trip_sign_and_verify(accredited):
    _centre, accreditation = accredited
    result = verify_credential(accreditation.credential_jwt, current_status_lists(), now=DURING)
    assert result.outcome == "valid"
    assert result.code == accreditation.verification_code


def test_a_tampered_credential_is_refused(accredited):
    _centre, accreditation = accredited
    header, body, signature = accreditation.credential_jwt.split(".")
    vc = _payload(accreditation.credential_jwt)
    vc["validUntil"] = "2099-12-31T23:59:59Z"
    forged_body = base64.urlsafe_b64encode(json.dumps(vc).encode()).decode().rstrip("=")
    forged = f"{header}.{forged_body}.{signature}"
    assert verify_credential(forged, current_status_lists(), now=DURING).outcome == "invalid"
    assert verify_credential("not a jwt", current_status_lists()).outcome == "invalid"


def test_a_credential_signed_by_another_key_is_refused(accredited):
    from joserfc import jws

    _centre, accreditation = accredited
    other = OKPKey.generate_key("Ed25519")
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": credentials.key_id()}
    token = jws.serialize_compact(
        header, json.dumps(_payload(accreditation.credential_jwt)).encode(), other, ["EdDSA"]
    )
    assert verify_credential(token, current_status_lists(), now=DURING).outcome == "invalid"


def test_expiry_and_not_yet_valid(accredited):
    _centre, accreditation = accredited
    lists = current_status_lists()
    after = datetime(2027, 3, 1, tzinfo=UTC)
    before = datetime(2024, 2, 1, tzinfo=UTC)
    assert verify_credential(accreditation.credential_jwt, lists, now=after).outcome == "expired"
    assert (
        verify_credential(accreditation.credential_jwt, lists, now=before).outcome
        == "not_yet_valid"
    )


def test_suspension_and_revocation_show_in_the_status_lists(accredited, director):
    _centre, accreditation = accredited
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    outcome = verify_credential(accreditation.credential_jwt, current_status_lists(), now=DURING)
    assert outcome.outcome == "suspended"
    services.accreditation_revoke(accreditation_id=accreditation.pk, actor=director, reason="y")
    outcome = verify_credential(accreditation.credential_jwt, current_status_lists(), now=DURING)
    assert outcome.outcome == "revoked"


def test_bitstring_encoding_follows_the_w3c_spec():
    encoded = encode_bitstring([0, 7, 131_071])
    assert encoded.startswith("u") and "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) == 16_384  # 131,072 bits: the spec's minimum for herd privacy
    assert raw[0] == 0b1000_0001  # index 0 is the left-most bit
    bits = decode_bitstring(encoded)
    assert bit_is_set(bits, 131_071) and not bit_is_set(bits, 1)


def test_status_list_credential_and_jwks_are_published(client, accredited, director):
    _centre, accreditation = accredited
    services.accreditation_revoke(accreditation_id=accreditation.pk, actor=director, reason="y")
    jwks = client.get("/.well-known/jwks.json").json()
    assert jwks["keys"][0]["kty"] == "OKP" and jwks["keys"][0]["crv"] == "Ed25519"
    assert "d" not in jwks["keys"][0]
    response = client.get("/credentials/status/revocation")
    assert response["Content-Type"] == "application/vc+jwt"
    status_vc = _payload(response.content.decode())
    assert status_vc["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    bits = decode_bitstring(status_vc["credentialSubject"]["encodedList"])
    assert bit_is_set(bits, accreditation.status_list_index)
    assert client.get("/credentials/status/other").status_code == 404


def test_verify_credential_command(tmp_path, accredited, director):
    _centre, accreditation = accredited
    path = tmp_path / "credential.jwt"
    path.write_text(accreditation.credential_jwt)
    import time_machine

    with time_machine.travel(date(2025, 6, 1)):
        call_command("verify_credential", str(path))
        path.write_text(accreditation.credential_jwt[:-4] + "AAAA")
        with pytest.raises(CommandError, match="invalid"):
            call_command("verify_credential", str(path))


def test_signing_key_from_environment_as_jwk_or_pem(settings):
    key = OKPKey.generate_key("Ed25519")
    credentials.reset_keys()
    try:
        settings.CREDENTIAL_SIGNING_KEY = json.dumps(key.as_dict(private=True))
        assert credentials.key_id() == key.thumbprint()
        credentials.reset_keys()
        settings.CREDENTIAL_SIGNING_KEY = key.as_pem(private=True).decode()
        assert credentials.key_id() == key.thumbprint()
        credentials.reset_keys()
        settings.CREDENTIAL_SIGNING_KEY = "not a key"
        with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_SIGNING_KEY"):
            credentials.signing_key()
        credentials.reset_keys()
        settings.CREDENTIAL_SIGNING_KEY = ""
        settings.CREDENTIAL_DEV_KEY_FILE = ""
        with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_SIGNING_KEY"):
            credentials.signing_key()
    finally:
        credentials.reset_keys()


def test_key_rotation_keeps_old_credentials_verifiable(settings, accredited):
    _centre, accreditation = accredited
    old_public = credentials.signing_key().as_dict(private=False)
    new = OKPKey.generate_key("Ed25519")
    try:
        settings.CREDENTIAL_SIGNING_KEY = json.dumps(new.as_dict(private=True))
        credentials.reset_keys()
        # Without the retired key, the old credential no longer verifies.
        lists = current_status_lists()
        assert verify_credential(accreditation.credential_jwt, lists, now=DURING).outcome == (
            "invalid"
        )
        settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = json.dumps([old_public])
        credentials.reset_keys()
        assert len(credentials.public_jwks()["keys"]) == 2
        assert verify_credential(accreditation.credential_jwt, lists, now=DURING).outcome == (
            "valid"
        )
        settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = "[1, 2]"
        credentials.reset_keys()
        with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_RETIRED_PUBLIC_KEYS"):
            credentials.verification_keys()
    finally:
        credentials.reset_keys()


def test_credential_urls_do_not_depend_on_the_issuers_language(
    secretariat_officer, director, lab_expert, ministry
):
    from django.utils import translation

    from .factories import accredited_centre

    with translation.override("fr"):
        _centre, accreditation = accredited_centre(
            secretariat=secretariat_officer,
            director=director,
            lab=lab_expert,
            organisation=ministry,
        )
    vc = _payload(accreditation.credential_jwt)
    assert "/en/centres/verify/" in vc["id"]
    assert "/en/centres/" in vc["credentialSubject"]["id"]


def test_a_new_accreditation_never_takes_a_status_list_index_already_held(
    accredited, secretariat_officer, director, lab_expert, monkeypatch
):
    """Random indexes collide by the birthday bound; the clash used to surface as "the centre
    already holds an accreditation in force" for a centre that held none."""
    from alliance.accounts.tests.factories import OrganisationFactory
    from alliance.centres.models import accreditation as model
    from alliance.centres.tests.factories import accredited_centre

    _centre, first = accredited
    draws = iter([first.status_list_index] * 15 + [first.status_list_index + 1])
    monkeypatch.setattr(model, "new_status_list_index", lambda: next(draws))
    _other, second = accredited_centre(
        secretariat=secretariat_officer,
        director=director,
        lab=lab_expert,
        organisation=OrganisationFactory(),
    )
    assert second.status_list_index == first.status_list_index + 1
    assert second.status == "active"
