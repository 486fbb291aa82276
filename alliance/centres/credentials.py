"""The accreditation as a W3C Verifiable Credential (data model 2.0) secured with VC-JOSE.

A compact JWS (header typ "vc+jwt", alg EdDSA over Ed25519) whose payload is the
credential itself; revocation and suspension are published as two Bitstring Status
List credentials signed the same way. See docs/decisions/0002-verifiable-credentials.md.
"""

import base64
import gzip
import json
import warnings
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone, translation
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

from alliance.core.site import site_url

from .credential_context import context_url
from .models.accreditation import STATUS_LIST_SIZE

ALG = "EdDSA"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
MEDIA_TYPE = "application/vc+jwt"
PURPOSES = ("revocation", "suspension")


# --- the signing key -----------------------------------------------------------------


def _load_key_text(text: str) -> OKPKey:
    text = text.strip()
    try:
        key = OKPKey.import_key(json.loads(text) if text.startswith("{") else text)
    except (ValueError, JoseError) as exc:
        raise ImproperlyConfigured(
            "CREDENTIAL_SIGNING_KEY has an invalid value: give an Ed25519 private key as a "
            f"JWK (JSON) or PEM ({exc})"
        ) from exc
    if key.as_dict(private=False).get("crv") != "Ed25519" or not key.is_private:
        raise ImproperlyConfigured("CREDENTIAL_SIGNING_KEY must be an Ed25519 private key.")
    return key


@cache
def signing_key() -> OKPKey:
    """From CREDENTIAL_SIGNING_KEY, else (development and tests only) a key file under var/
    made on first use, so that credentials issued locally stay verifiable across restarts."""
    if settings.CREDENTIAL_SIGNING_KEY:
        return _load_key_text(settings.CREDENTIAL_SIGNING_KEY)
    path = settings.CREDENTIAL_DEV_KEY_FILE
    if not path:
        raise ImproperlyConfigured(
            "CREDENTIAL_SIGNING_KEY is not set: give the Ed25519 private key (JWK or PEM) that "
            "signs accreditation credentials."
        )
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generated = OKPKey.generate_key("Ed25519")
        path.write_text(json.dumps(generated.as_dict(private=True)))
        path.chmod(0o600)
    return _load_key_text(path.read_text())


def key_id() -> str:
    return signing_key().thumbprint()


@cache
def verification_keys() -> dict[str, OKPKey]:
    """kid -> public key: the signing key and any retired keys kept after a rotation, so
    that credentials signed before the rotation stay verifiable."""
    keys = {key_id(): signing_key()}
    raw = settings.CREDENTIAL_RETIRED_PUBLIC_KEYS.strip()
    if raw:
        try:
            retired = [OKPKey.import_key(jwk) for jwk in json.loads(raw)]
        except (ValueError, TypeError, JoseError) as exc:
            raise ImproperlyConfigured(
                f"CREDENTIAL_RETIRED_PUBLIC_KEYS has an invalid value: a JSON list of JWKs ({exc})"
            ) from exc
        keys.update({key.thumbprint(): key for key in retired})
    return keys


def reset_keys() -> None:
    """Forget the keys read from the settings (tests, or after changing them)."""
    signing_key.cache_clear()
    verification_keys.cache_clear()


def public_jwks() -> dict:
    return {
        "keys": [
            {**key.as_dict(private=False), "kid": kid, "alg": ALG, "use": "sig"}
            for kid, key in verification_keys().items()
        ]
    }


def _sign(payload: dict) -> str:
    header = {"alg": ALG, "typ": "vc+jwt", "cty": "vc", "kid": key_id()}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    with warnings.catch_warnings():
        # RFC 9864 prefers the fully specified "Ed25519"; VC-JOSE verifiers still expect EdDSA.
        warnings.simplefilter("ignore")
        return jws.serialize_compact(header, body, signing_key(), algorithms=[ALG])


# --- issuing ---------------------------------------------------------------------------


def status_list_url(purpose: str) -> str:
    return site_url(reverse("credentials:status_list", kwargs={"purpose": purpose}))


def issuer() -> dict:
    return {"id": site_url("/"), "name": "ITU Telecommunication Development Bureau (BDT)"}


def _moment(day: date, end: bool = False) -> datetime:
    return datetime.combine(day, time(23, 59, 59) if end else time.min, tzinfo=UTC)


def _instant(day: date, end: bool = False) -> str:
    return _moment(day, end).strftime("%Y-%m-%dT%H:%M:%SZ")


def accreditation_credential(accreditation) -> dict:
    centre = accreditation.centre
    centre_type = accreditation.centre_type
    # The same URLs whatever language the Director was using when issuing it.
    with translation.override("en"):
        verify_path = reverse(
            "centres:verify_code", kwargs={"code": accreditation.verification_code}
        )
        centre_path = reverse("centres:detail", kwargs={"pk": centre.pk})
    status = [
        {
            "id": f"{status_list_url(p)}#{accreditation.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": p,
            "statusListIndex": str(accreditation.status_list_index),
            "statusListCredential": status_list_url(p),
        }
        for p in PURPOSES
    ]
    return {
        "@context": [VC_CONTEXT, context_url()],
        "id": site_url(verify_path),
        "type": ["VerifiableCredential", "AccelerationCentreAccreditation"],
        "issuer": issuer(),
        # The registered JWT claims that generic JWT libraries enforce, equal to the VC's
        # own: nbf = validFrom, exp = validUntil (VC-JOSE-COSE §3.1.2).
        "iss": issuer()["id"],
        "sub": site_url(centre_path),
        "jti": site_url(verify_path),
        "nbf": int(_moment(accreditation.start_date).timestamp()),
        "exp": int(_moment(accreditation.end_date, end=True).timestamp()),
        "name": "Accreditation in the ITU Network of Acceleration Centres",
        "validFrom": _instant(accreditation.start_date),
        "validUntil": _instant(accreditation.end_date, end=True),
        "credentialSubject": {
            "id": site_url(centre_path),
            "type": "AccelerationCentre",
            "name": centre.name,
            "centreType": centre_type.code,
            "centreTypeName": centre_type.name.get("en", ""),
            "scope": centre.scope,
            "country": centre.country.code.code,
            "hostOrganisation": centre.host_organisation.name,
            "verificationCode": accreditation.verification_code,
        },
        "credentialStatus": status,
    }


def sign_accreditation(accreditation) -> str:
    return _sign(accreditation_credential(accreditation))


def encode_bitstring(indexes) -> str:
    """Multibase base64url (prefix "u", no padding) of the GZIP-compressed bitstring;
    index 0 is the most significant bit of the first byte."""
    bits = bytearray(STATUS_LIST_SIZE // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same list always encodes to the same text.
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    text = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(purpose: str, indexes) -> str:
    url = status_list_url(purpose)
    return _sign(
        {
            "@context": [VC_CONTEXT],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": issuer(),
            "validFrom": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
            "credentialSubject": {
                "id": f"{url}#list",
                "type": "BitstringStatusList",
                "statusPurpose": purpose,
                "encodedList": encode_bitstring(indexes),
            },
        }
    )


# --- verifying -------------------------------------------------------------------------


@dataclass
class Verification:
    """`outcome`: valid | expired | not_yet_valid | suspended | revoked | invalid."""

    outcome: str
    credential: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.credential.get("credentialSubject", {}).get("verificationCode", "")


def _parse_instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def verify_jwt(token: str) -> dict:
    """The credential's payload if the signature is ours; raises ValueError otherwise."""
    token = token.strip()
    try:
        kid = jws.extract_compact(token.encode()).headers().get("kid")
        key = verification_keys()[kid]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obj = jws.deserialize_compact(token, key, algorithms=[ALG])
    except (JoseError, ValueError, TypeError, KeyError) as exc:
        raise ValueError("signature") from exc
    if obj.headers().get("typ") != "vc+jwt":
        raise ValueError("header")
    try:
        return json.loads(obj.payload)
    except ValueError as exc:
        raise ValueError("payload") from exc


def verify_credential(token: str, status_lists: dict[str, bytes], now=None) -> Verification:
    """Check signature, term and status; `status_lists` maps purpose -> decoded bitstring."""
    now = now or timezone.now()
    try:
        credential = verify_jwt(token)
    except ValueError:
        return Verification("invalid", problems=["signature"])
    types = credential.get("type", [])
    if VC_CONTEXT not in credential.get("@context", []) or "VerifiableCredential" not in types:
        return Verification("invalid", credential, ["not a verifiable credential"])
    try:
        valid_from = _parse_instant(credential["validFrom"])
        valid_until = _parse_instant(credential["validUntil"])
    except (KeyError, ValueError):
        return Verification("invalid", credential, ["validity period"])
    for entry in credential.get("credentialStatus", []):
        purpose = entry.get("statusPurpose")
        try:
            index = int(entry["statusListIndex"])
            bitstring = status_lists[purpose]
        except (KeyError, ValueError, TypeError):
            return Verification("invalid", credential, ["status list"])
        if not 0 <= index < len(bitstring) * 8:
            return Verification("invalid", credential, ["status list index"])
        if bit_is_set(bitstring, index):
            return Verification("revoked" if purpose == "revocation" else "suspended", credential)
    if now < valid_from:
        return Verification("not_yet_valid", credential)
    if now > valid_until:
        return Verification("expired", credential)
    return Verification("valid", credential)
