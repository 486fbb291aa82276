"""The fingerprint printed on a joint declaration (docs/decisions/0026).

A file cannot print the SHA-256 of itself, so the declaration prints the SHA-256 of what
the two parties signed: its terms, written as canonical JSON (sorted keys, UTF-8, no
spaces). The platform records it at countersigning, with the SHA-256 of the frozen PDF;
the public verification page accepts either when typed, and checks an uploaded file
against the PDF's.
"""

import hashlib
import json

from django.core.exceptions import ObjectDoesNotExist


def _email(user) -> str:
    return getattr(user, "email", "") if user is not None else ""


def _when(value) -> str:
    return value.isoformat() if value else ""


def terms(declaration) -> dict:
    """What the fingerprint covers (works on migrations' historical models too)."""
    try:
        centre_type = declaration.centre_type.code
    except ObjectDoesNotExist:
        centre_type = ""
    return {
        "declaration": declaration.pk,
        "organisation": declaration.organisation.name,
        "country": str(declaration.organisation.country or ""),
        "centre_type": centre_type,
        "scope": declaration.scope,
        "commitments": declaration.commitments,
        "language": declaration.language,
        "signatory": declaration.signatory_name,
        "signed_by": _email(declaration.signed_by),
        "signed_at": _when(declaration.signed_at),
        "countersigned_by": _email(declaration.countersigned_by),
        "countersigned_at": _when(declaration.countersigned_at),
    }


def terms_fingerprint(declaration) -> str:
    text = json.dumps(terms(declaration), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def normalised(typed: str) -> str:
    """What a person typed or pasted, without spaces, dashes or line breaks, lower case."""
    return "".join(ch for ch in (typed or "") if ch not in " \t\r\n-:").lower()
