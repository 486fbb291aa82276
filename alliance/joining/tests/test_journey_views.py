"""The whole joining journey through the HTML pages, as the users would click it."""

import pytest
from django.core import mail
from django.urls import reverse

from alliance.accounts.tests.factories import PASSWORD
from alliance.joining.models import ExpressionOfInterest, JointDeclaration
from alliance.joining.selectors import organisation_has_declaration_in_force

from .factories import complete_assessment_data

pytestmark = pytest.mark.django_db


def test_from_interest_to_declaration_in_force(
    client,
    ministry,
    ministry_focal_point,
    ministry_signatory,
    secretariat_officer,
    director,
    django_capture_on_commit_callbacks,
):
    client.force_login(ministry_focal_point)
    response = client.post(
        reverse("joining:expression_create", args=[ministry.pk]),
        {
            "instruments": ["host_centre", "lab_support"],
            "objectives": [],
            "scope": "national",
            "motivation": "Grow our start-up ecosystem.",
            "contact_name": "Thoko Phiri",
            "contact_email": "focal@ministry.test",
        },
    )
    expression = ExpressionOfInterest.objects.get(organisation=ministry)
    assert response.url == reverse("joining:expression_detail", args=[expression.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("joining:expression_submit", args=[expression.pk]))
    expression.refresh_from_db()
    assert expression.status == "submitted"
    assert any("submitted" in m.subject for m in mail.outbox)

    client.force_login(secretariat_officer)
    queue = client.get(reverse("joining:queue", args=["expressions"]))
    assert str(ministry) in queue.content.decode()
    client.post(reverse("joining:expression_acknowledge", args=[expression.pk]))
    expression.refresh_from_db()
    assert expression.status == "acknowledged"

    client.force_login(ministry_focal_point)
    response = client.post(reverse("joining:assessment_start", args=[expression.pk]))
    assessment = expression.__class__.objects.get(pk=expression.pk).assessment
    assert response.url == reverse("joining:assessment_tasks", args=[assessment.pk])
    for section, data in complete_assessment_data().items():
        response = client.post(
            reverse("joining:assessment_section", args=[assessment.pk, section]),
            {**data, "continue": "1"},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    assert response.url == reverse("joining:assessment_check", args=[assessment.pk])
    check = client.get(response.url)
    assert "Change" in check.content.decode()
    response = client.post(reverse("joining:assessment_check", args=[assessment.pk]))
    assert response.url == reverse("joining:assessment_submitted", args=[assessment.pk])

    client.force_login(secretariat_officer)
    client.post(reverse("joining:assessment_start_review", args=[assessment.pk]))
    client.post(
        reverse("joining:assessment_complete", args=[assessment.pk]),
        {"findings": "Ready for a Digital Transformation Acceleration Centre."},
    )
    assessment.refresh_from_db()
    assert assessment.status == "completed"
    page = client.get(reverse("joining:declaration_create", args=[assessment.pk]))
    assert page.status_code == 200
    from alliance.centres.models import CentreType

    dt = CentreType.objects.get(code="DIGITAL_TRANSFORMATION")
    response = client.post(
        reverse("joining:declaration_create", args=[assessment.pk]),
        {"centre_type": dt.pk, "scope": "national", "commitments": "", "language": "en"},
    )
    declaration = JointDeclaration.objects.get(organisation=ministry)
    assert response.url == reverse("joining:declaration_detail", args=[declaration.pk])

    client.force_login(ministry_signatory)
    draft_pdf = client.get(reverse("joining:declaration_document", args=[declaration.pk]))
    assert draft_pdf.content.startswith(b"%PDF")
    client.post(
        reverse("joining:declaration_sign", args=[declaration.pk]),
        {"password": PASSWORD, "full_name": "Grace Banda", "confirm": "on"},
    )
    declaration.refresh_from_db()
    assert declaration.status == "signed_by_organisation"

    client.force_login(director)
    # The Director re-enters the password, as the signatory does (issue 15).
    client.post(
        reverse("joining:declaration_countersign", args=[declaration.pk]), {"password": PASSWORD}
    )
    declaration.refresh_from_db()
    assert declaration.status == "countersigned"
    assert len(declaration.sha256) == 64
    assert organisation_has_declaration_in_force(ministry)

    client.logout()
    verified = client.get(reverse("joining:verify"), {"fingerprint": declaration.sha256})
    assert "This is a joint declaration in force." in verified.content.decode()
