import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.centres import services

pytestmark = pytest.mark.django_db


def _verify(client, code):
    # An explicit language: a request to a /fr/ page leaves French active in this thread.
    return client.get(f"/en/centres/verify/{code}/").content.decode()


@time_machine.travel("2025-06-01")
def test_each_status_is_told(client, accredited, director):
    centre, accreditation = accredited
    assert "This accreditation is valid." in _verify(client, accreditation.display_code)
    services.accreditation_suspend(
        accreditation_id=accreditation.pk, actor=director, reason="Secret internal reason"
    )
    body = _verify(client, accreditation.verification_code)
    assert "suspended" in body
    assert "Secret internal reason" not in body
    services.accreditation_revoke(
        accreditation_id=accreditation.pk, actor=director, reason="Another secret"
    )
    body = _verify(client, accreditation.verification_code.lower())
    assert "was revoked" in body and "Another secret" not in body


def test_expired(client, accredited):
    _centre, accreditation = accredited
    with time_machine.travel("2027-03-01"):
        assert "has expired" in _verify(client, accreditation.verification_code)


def test_malformed_and_unknown_codes_get_the_same_answer(client, accredited):
    unknown = _verify(client, "ABCDEFGHJKMN")
    malformed = _verify(client, "<script>")
    assert "No accreditation has this code" in unknown

    def answer(html):
        return re.search(r'<div class="verify-result.*?</div>', html, re.DOTALL).group(0)

    assert answer(unknown) == answer(malformed)
    assert client.get(reverse("centres:verify_code", args=["x" * 200])).status_code == 200


def test_verification_never_shows_more_than_the_registry(client, accredited, manager):
    centre, accreditation = accredited
    services.centre_profile_update(
        centre_id=centre.pk, actor=manager, contact_email="private@ministry.test"
    )
    body = _verify(client, accreditation.verification_code)
    assert centre.name in body
    assert "private@ministry.test" not in body
    assert str(accreditation.status_list_index) not in body
    assert accreditation.credential_jwt[:20] not in body


@time_machine.travel("2025-06-01")
def test_upload_a_credential_file(client, accredited):
    _centre, accreditation = accredited
    upload = SimpleUploadedFile("c.jwt", accreditation.credential_jwt.encode())
    body = client.post(reverse("centres:verify"), {"credential": upload}).content.decode()
    assert "signature is valid" in body and "This accreditation is valid." in body
    forged = SimpleUploadedFile("c.jwt", (accreditation.credential_jwt[:-6] + "AAAAAA").encode())
    body = client.post(reverse("centres:verify"), {"credential": forged}).content.decode()
    assert "not a valid credential" in body


def test_typed_code_redirects_and_empty_form_is_an_error(client, accredited):
    _centre, accreditation = accredited
    response = client.post(reverse("centres:verify"), {"code": accreditation.display_code})
    assert response.status_code == 302
    assert accreditation.verification_code in response["Location"]
    body = client.post(reverse("centres:verify"), {}).content.decode()
    assert "<title>Error:" in body


def test_a_revoked_centre_stays_in_the_registry_saying_so(client, accredited, director):
    centre, accreditation = accredited
    services.accreditation_revoke(
        accreditation_id=accreditation.pk, actor=director, reason="Internal"
    )
    registry = client.get(reverse("centres:registry")).content.decode()
    assert centre.name in registry and "Closed" in registry
    page = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert "Revoked" in page and "Internal" not in page


@time_machine.travel("2025-06-01")
def test_a_reissued_accreditation_says_superseded_by_its_new_code(
    client, accredited, manager, lab_expert, director
):
    from alliance.centres.tests.factories import centre_type

    centre, accreditation = accredited
    change = services.category_change_request(
        centre_id=centre.pk,
        actor=manager,
        to_type=centre_type("INITIATIVES"),
        justification="Inside the ministry's agency now.",
    )
    services.category_change_evaluate(change_id=change.pk, actor=lab_expert, note="")
    services.category_change_decide(change_id=change.pk, actor=director, approve=True)
    accreditation.refresh_from_db()
    new = accreditation.superseded_by
    body = _verify(client, accreditation.verification_code)
    assert f"was superseded by {new.display_code}" in body
    assert f"/centres/verify/{new.verification_code}/" in body
    assert "This accreditation is valid." in _verify(client, new.verification_code)


def test_the_certificate_qr_code_opens_the_verification_page(client, accredited):
    from django.template.loader import render_to_string
    from django.utils import translation

    from alliance.centres.certificates import qr_svg_data_uri, verification_url

    centre, accreditation = accredited
    url = verification_url(accreditation, "fr")
    assert url.endswith(f"/fr/centres/verify/{accreditation.verification_code}/")
    with translation.override("fr"):
        html = render_to_string(
            "centres/certificate.html",
            {
                "accreditation": accreditation,
                "centre": centre,
                "centre_type": accreditation.centre_type,
                "verification_url": url,
                "qr": qr_svg_data_uri(url),
            },
        )
    assert qr_svg_data_uri(url) in html and "Certificat d'agrément" in html
    path = url.split("127.0.0.1:8000", 1)[-1]
    assert client.get(path).status_code == 200


def test_a_renewal_not_yet_started_says_when_it_takes_effect(
    client, accredited, secretariat_officer, manager, lab_expert, director
):
    _centre, accreditation = accredited
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    services.renewal_self_report(evaluation_id=evaluation.pk, actor=manager, self_report="Done.")
    scores = {"objectives": 3, "flagships": 3, "resources": 3, "reporting": 3, "network": 3}
    services.renewal_evaluate(evaluation_id=evaluation.pk, actor=lab_expert, scores=scores, note="")
    services.renewal_decide(evaluation_id=evaluation.pk, actor=director, renew=True)
    accreditation.refresh_from_db()
    with time_machine.travel("2026-12-01"):
        body = _verify(client, accreditation.successor.verification_code)
        assert "takes effect on March 1, 2027" in body
        assert "This accreditation is valid." in _verify(client, accreditation.verification_code)
