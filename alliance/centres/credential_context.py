"""The JSON-LD context that defines the accreditation credential's own terms.

The W3C v2 context gives every undefined term an issuer-dependent `@vocab` IRI; a
verifier that processes JSON-LD (or simply reads the credential) should learn what
`centreType` or `verificationCode` mean from the issuer. This context is served at
/credentials/context/v1 and listed second in every credential's `@context`.
"""

from django.urls import reverse

from alliance.core.site import site_url

# term -> (kind, meaning). Classes first, then properties of the credential subject.
TERMS = {
    "AccelerationCentreAccreditation": (
        "class",
        "A credential stating that a centre is accredited in ITU's Network of Acceleration "
        "Centres for the period from validFrom to validUntil.",
    ),
    "AccelerationCentre": ("class", "A centre of ITU's Network of Acceleration Centres."),
    "centreType": (
        "property",
        "The code of the centre type (e.g. DTC, IEC): the kind of acceleration centre.",
    ),
    "centreTypeName": ("property", "The name of the centre type, in English."),
    "scope": ("property", "Where the centre works: national, regional or global."),
    "country": ("property", "The ISO 3166-1 alpha-2 code of the centre's country."),
    "hostOrganisation": ("property", "The name of the organisation that hosts the centre."),
    "verificationCode": (
        "property",
        "The 12-character code printed on the certificate; the verification page accepts it.",
    ),
}


def context_url() -> str:
    return site_url(reverse("credentials:context"))


def context_document() -> dict:
    base = context_url()
    terms = {}
    for term, (kind, _meaning) in TERMS.items():
        iri = f"{base}#{term}"
        terms[term] = iri if kind == "class" else {"@id": iri}
    return {
        "@context": {"@version": 1.1, "@protected": True, **terms},
        # Not JSON-LD terms: a human-readable definition of each, for people reading it.
        "definitions": {term: meaning for term, (_kind, meaning) in TERMS.items()},
    }
