import pytest

from alliance.centres import services
from alliance.centres.models import PartnerRecognition
from alliance.centres.states import (
    RECOGNITION_CRITERIA,
    CentreSource,
    CentreStatus,
    RecognitionStatus,
)
from alliance.core.models import Country
from alliance.core.states import PermissionRefused, TransitionRefused

from .factories import centre_type, finish_design

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


GOOD = {code: 3 for code, _label in RECOGNITION_CRITERIA}


def test_an_existing_centre_becomes_a_partner_through_design_evaluation_and_decision(
    university, university_focal_point, lab_expert, director
):
    recognition = _apply(university, university_focal_point)
    recognition = services.recognition_start_design(recognition_id=recognition.pk, actor=lab_expert)
    centre = recognition.centre
    assert recognition.status == RecognitionStatus.IN_DESIGN
    assert centre.status == CentreStatus.IN_DESIGN
    assert centre.source == CentreSource.PARTNER_RECOGNITION
    assert centre.source_object_id == str(recognition.pk)
    assert centre.host_organisation == university
    finish_design(centre, lab_expert)
    services.recognition_complete_design(recognition_id=recognition.pk, actor=lab_expert)
    services.recognition_evaluate(
        recognition_id=recognition.pk, actor=lab_expert, scores=GOOD, note="A strong centre."
    )
    services.recognition_decide(recognition_id=recognition.pk, actor=director, approve=True)
    recognition.refresh_from_db()
    centre.refresh_from_db()
    assert recognition.status == RecognitionStatus.APPROVED
    assert recognition.total_score == 15
    assert centre.status == CentreStatus.ACCREDITED
    assert centre.accreditations.count() == 1
    # The data steps were recorded with their evidence when the design was completed.
    agreement = centre.checklist.get(item="cooperation_agreement")
    assert agreement.done and agreement.note == f"Cooperation agreement: {centre.name}"


def test_the_design_is_not_complete_until_each_step_has_its_data(
    university, university_focal_point, lab_expert, director
):
    recognition = _apply(university, university_focal_point)
    recognition = services.recognition_start_design(recognition_id=recognition.pk, actor=lab_expert)
    with pytest.raises(TransitionRefused) as refused:
        services.recognition_complete_design(recognition_id=recognition.pk, actor=lab_expert)
    assert refused.value.code == "design_incomplete"
    assert "No signed cooperation agreement" in refused.value.reason
    assert "No indicator with a baseline" in refused.value.reason
    recognition.refresh_from_db()
    assert recognition.status == RecognitionStatus.IN_DESIGN
    # Nor can the Director skip the design and the evaluation.
    with pytest.raises(TransitionRefused):
        services.recognition_decide(recognition_id=recognition.pk, actor=director, approve=True)


def test_steps_the_data_decides_cannot_be_ticked_by_hand(
    university, university_focal_point, lab_expert
):
    recognition = _apply(university, university_focal_point)
    recognition = services.recognition_start_design(recognition_id=recognition.pk, actor=lab_expert)
    for item in ("cooperation_agreement", "indicators_chosen", "flagships_defined"):
        with pytest.raises(TransitionRefused) as refused:
            services.checklist_mark(
                centre_id=recognition.centre_id, item=item, actor=lab_expert, note="Signed."
            )
        assert refused.value.code == "decided_by_data"
    # Resources: the Lab confirms them, saying what it checked.
    with pytest.raises(TransitionRefused):
        services.checklist_mark(
            centre_id=recognition.centre_id, item="resources_confirmed", actor=lab_expert
        )
    with pytest.raises(PermissionRefused):
        services.checklist_mark(
            centre_id=recognition.centre_id,
            item="resources_confirmed",
            actor=university_focal_point,
            note="We have staff.",
        )
    assert not recognition.centre.checklist.exclude(done_at=None).exists()


def test_scores_are_needed_on_every_published_criterion(
    university, university_focal_point, lab_expert
):
    recognition = _apply(university, university_focal_point)
    services.recognition_start_design(recognition_id=recognition.pk, actor=lab_expert)
    finish_design(PartnerRecognition.objects.get().centre, lab_expert)
    services.recognition_complete_design(recognition_id=recognition.pk, actor=lab_expert)
    with pytest.raises(TransitionRefused) as refused:
        services.recognition_evaluate(
            recognition_id=recognition.pk, actor=lab_expert, scores={"track_record": 4}
        )
    assert refused.value.code == "scores_incomplete"


def test_rejection_during_the_design_closes_the_centre_in_design(
    university, university_focal_point, lab_expert, director
):
    recognition = _apply(university, university_focal_point)
    services.recognition_start_design(recognition_id=recognition.pk, actor=lab_expert)
    services.recognition_decide(
        recognition_id=recognition.pk, actor=director, approve=False, note="Too early."
    )
    recognition.refresh_from_db()
    assert recognition.status == RecognitionStatus.REJECTED
    assert recognition.centre.status == CentreStatus.CLOSED


def test_only_the_organisations_managers_apply(university, stranger):
    with pytest.raises(PermissionRefused):
        _apply(university, stranger)


def test_scope_must_fit_the_type(university, university_focal_point):
    with pytest.raises(TransitionRefused):
        _apply(university, university_focal_point, scope="global")


def test_rejection_creates_nothing(university, university_focal_point, director):
    recognition = _apply(university, university_focal_point)
    services.recognition_decide(
        recognition_id=recognition.pk, actor=director, approve=False, note="Too early."
    )
    recognition.refresh_from_db()
    assert recognition.status == RecognitionStatus.REJECTED
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
