import pytest

from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.joining import services

from .factories import ExpressionFactory

pytestmark = pytest.mark.django_db


def events(obj, verb):
    return AuditEvent.objects.filter(verb=verb, object_id=str(obj.pk)).count()


def test_focal_point_creates_and_submits(ministry, ministry_focal_point):
    expression = services.expression_create(
        organisation=ministry,
        actor=ministry_focal_point,
        data={
            "instruments": ["host_centre"],
            "motivation": "Grow start-ups.",
            "contact_name": "T. Phiri",
            "contact_email": "t@ministry.test",
            "scope": "national",
        },
    )
    assert expression.status == "draft"
    services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    expression.refresh_from_db()
    assert expression.status == "submitted"
    assert expression.submitted_at is not None
    assert events(expression, "expression.submitted") == 1


def test_incomplete_draft_cannot_be_submitted(ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, motivation="")
    with pytest.raises(TransitionRefused) as refused:
        services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    assert refused.value.code == "incomplete"
    expression.refresh_from_db()
    assert expression.status == "draft"
    assert events(expression, "expression.submitted") == 0


def test_someone_from_another_organisation_cannot_submit(ministry, university_focal_point):
    expression = ExpressionFactory(organisation=ministry)
    with pytest.raises(TransitionRefused) as refused:
        services.expression_submit(expression_id=expression.pk, actor=university_focal_point)
    assert refused.value.code == "forbidden"
    expression.refresh_from_db()
    assert expression.status == "draft"


def test_secretariat_acknowledges_a_submitted_expression(ministry, secretariat_officer):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    services.expression_acknowledge(expression_id=expression.pk, actor=secretariat_officer)
    expression.refresh_from_db()
    assert expression.status == "acknowledged"
    assert events(expression, "expression.acknowledged") == 1


@pytest.mark.parametrize("status", ["draft", "acknowledged", "converted", "declined"])
def test_only_a_submitted_expression_can_be_acknowledged(ministry, secretariat_officer, status):
    expression = ExpressionFactory(organisation=ministry, status=status)
    with pytest.raises(TransitionRefused) as refused:
        services.expression_acknowledge(expression_id=expression.pk, actor=secretariat_officer)
    assert refused.value.code == "invalid_transition"
    expression.refresh_from_db()
    assert expression.status == status
    assert events(expression, "expression.acknowledged") == 0


def test_only_the_secretariat_acknowledges(ministry, director, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    for actor in (director, ministry_focal_point):
        with pytest.raises(TransitionRefused):
            services.expression_acknowledge(expression_id=expression.pk, actor=actor)
    expression.refresh_from_db()
    assert expression.status == "submitted"


def test_declining_needs_a_reason_that_the_organisation_reads(ministry, secretariat_officer):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    with pytest.raises(TransitionRefused) as refused:
        services.expression_decline(
            expression_id=expression.pk, actor=secretariat_officer, reason="  "
        )
    assert refused.value.code == "reason_required"
    services.expression_decline(
        expression_id=expression.pk, actor=secretariat_officer, reason="Not an ITU member yet."
    )
    expression.refresh_from_db()
    assert expression.status == "declined"
    assert expression.decline_reason == "Not an ITU member yet."


def test_a_submitted_expression_cannot_be_edited(ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    with pytest.raises(TransitionRefused):
        services.expression_update(
            expression_id=expression.pk, actor=ministry_focal_point, data={"motivation": "x"}
        )
    expression.refresh_from_db()
    assert expression.motivation != "x"


def test_requesting_the_assessment_converts_the_expression(ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="acknowledged", scope="regional")
    assessment = services.assessment_start(expression_id=expression.pk, actor=ministry_focal_point)
    expression.refresh_from_db()
    assert expression.status == "converted"
    assert assessment.scope == "regional"
    assert assessment.section_status["profile"] == "in_progress"
    with pytest.raises(TransitionRefused):
        services.assessment_start(expression_id=expression.pk, actor=ministry_focal_point)
