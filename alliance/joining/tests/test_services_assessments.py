import pytest

from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.joining import services

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def test_partial_section_is_saved_and_marked_in_progress(ministry, ministry_focal_point):
    assessment = AssessmentFactory(organisation=ministry)
    services.assessment_save_section(
        assessment_id=assessment.pk,
        actor=ministry_focal_point,
        section="financial",
        data={"annual_budget_usd": 250_000},
    )
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 250_000
    assert assessment.status_of("financial") == "in_progress"
    services.assessment_save_section(
        assessment_id=assessment.pk,
        actor=ministry_focal_point,
        section="financial",
        data={"funding_sources": ["government"], "years_secured": 2},
    )
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 250_000
    assert assessment.status_of("financial") == "completed"


def test_pillars_are_merged_not_replaced(ministry, ministry_focal_point):
    assessment = AssessmentFactory(organisation=ministry)
    for data in ({"vision": {"rating": "some"}}, {"talent": {"rating": "adequate"}}):
        services.assessment_save_section(
            assessment_id=assessment.pk,
            actor=ministry_focal_point,
            section="ecosystem",
            data={"pillars": data},
        )
    assessment.refresh_from_db()
    assert assessment.pillars["vision"]["rating"] == "some"
    assert assessment.pillars["talent"]["rating"] == "adequate"
    assert assessment.status_of("ecosystem") == "in_progress"


def test_an_incomplete_assessment_cannot_be_submitted(ministry, ministry_focal_point):
    assessment = AssessmentFactory(organisation=ministry)
    with pytest.raises(TransitionRefused) as refused:
        services.assessment_submit(assessment_id=assessment.pk, actor=ministry_focal_point)
    assert refused.value.code == "incomplete"
    assert "Human resources" in refused.value.reason
    assessment.refresh_from_db()
    assert assessment.status == "draft"
    assert not AuditEvent.objects.filter(verb="assessment.submitted").exists()


def test_complete_assessment_goes_through_review(
    ministry, ministry_focal_point, lab_expert, secretariat_officer
):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    services.assessment_submit(assessment_id=assessment.pk, actor=ministry_focal_point)
    services.assessment_start_review(assessment_id=assessment.pk, actor=lab_expert)
    with pytest.raises(TransitionRefused) as refused:
        services.assessment_complete(
            assessment_id=assessment.pk, actor=secretariat_officer, findings=""
        )
    assert refused.value.code == "findings_required"
    services.assessment_complete(
        assessment_id=assessment.pk, actor=secretariat_officer, findings="Solid."
    )
    assessment.refresh_from_db()
    assert assessment.status == "completed"
    verbs = set(
        AuditEvent.objects.filter(object_id=str(assessment.pk)).values_list("verb", flat=True)
    )
    assert {"assessment.submitted", "assessment.in_review", "assessment.completed"} <= verbs


def test_a_submitted_assessment_no_longer_changes(ministry, ministry_focal_point):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="submitted")
    with pytest.raises(TransitionRefused):
        services.assessment_save_section(
            assessment_id=assessment.pk,
            actor=ministry_focal_point,
            section="financial",
            data={"annual_budget_usd": 1},
        )
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 300_000


@pytest.mark.parametrize("status", ["draft", "in_review", "completed"])
def test_review_starts_only_from_submitted(ministry, lab_expert, status):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status=status)
    with pytest.raises(TransitionRefused):
        services.assessment_start_review(assessment_id=assessment.pk, actor=lab_expert)
    assessment.refresh_from_db()
    assert assessment.status == status


def test_organisation_and_reviewer_role_needed_for_review(ministry, ministry_focal_point, reviewer):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="submitted")
    for actor in (ministry_focal_point, reviewer):
        with pytest.raises(TransitionRefused) as refused:
            services.assessment_start_review(assessment_id=assessment.pk, actor=actor)
        assert refused.value.code == "forbidden"
