import pytest

from alliance.centres import services
from alliance.centres.states import CentreSource, CentreStatus, RequestStatus
from alliance.core.models import Country
from alliance.core.states import PermissionRefused, TransitionRefused

from .factories import centre_type

pytestmark = pytest.mark.django_db


def _apply(organisation, actor, **extra):
    fields = {
        "centre_name": "Nairobi Innovation Week Centre",
        "centre_type": centre_type("RESEARCH_ENTREPRENEURSHIP"),
        "scope": "national",
        "country": Country.objects.get(code="KE"),
        "description": "A university centre for digital start-ups.",
        "track_record": "Eight years, 200 start-ups.",
        "resources": "Twelve staff, a building.",
        **extra,
    }
    return services.recognition_request(organisation=organisation, actor=actor, **fields)


def test_approval_creates_an_accredited_partner_centre(
    university, university_focal_point, lab_expert, director
):
    recognition = _apply(university, university_focal_point)
    services.recognition_evaluate(recognition_id=recognition.pk, actor=lab_expert, note="Good.")
    services.recognition_decide(recognition_id=recognition.pk, actor=director, approve=True)
    recognition.refresh_from_db()
    centre = recognition.centre
    assert recognition.status == RequestStatus.APPROVED
    assert centre.source == CentreSource.PARTNER_RECOGNITION
    assert centre.source_object_id == str(recognition.pk)
    assert centre.status == CentreStatus.ACCREDITED
    assert centre.accreditations.count() == 1
    assert not centre.checklist.filter(done_at=None).exists()


def test_only_the_organisations_managers_apply(university, stranger):
    with pytest.raises(PermissionRefused):
        _apply(university, stranger)


def test_scope_must_fit_the_type(university, university_focal_point):
    with pytest.raises(TransitionRefused):
        _apply(university, university_focal_point, scope="global")


def test_rejection_creates_nothing(university, university_focal_point, lab_expert, director):
    recognition = _apply(university, university_focal_point)
    services.recognition_evaluate(recognition_id=recognition.pk, actor=lab_expert, note="")
    services.recognition_decide(
        recognition_id=recognition.pk, actor=director, approve=False, note="Too early."
    )
    recognition.refresh_from_db()
    assert recognition.status == RequestStatus.REJECTED
    assert recognition.centre is None


def test_applicant_applies_on_the_page_and_finds_the_application_again(
    client, university, university_focal_point
):
    from django.urls import reverse

    client.force_login(university_focal_point)
    response = client.post(
        reverse("centres:recognition_apply"),
        {
            "organisation": university.pk,
            "centre_name": "Chiromo Innovation Centre",
            "centre_type": centre_type("RESEARCH_ENTREPRENEURSHIP").pk,
            "scope": "national",
            "country": Country.objects.get(code="KE").pk,
            "description": "A university centre.",
            "track_record": "Since 2015.",
            "resources": "Ten staff.",
        },
    )
    assert response.status_code == 302
    body = client.get(reverse("centres:manage_list")).content.decode()
    assert "Chiromo Innovation Centre" in body and "Requested" in body
