"""Other organisations' objects answer 404; staff pages refuse non-staff; queues are cheap."""

import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import OrganisationFactory

from .factories import AssessmentFactory, ExpressionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(ministry):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    return expression, assessment


@pytest.mark.parametrize("who", ["stranger", "university_focal_point"])
def test_other_people_get_404(client, request, objects, ministry, who):
    expression, assessment = objects
    client.force_login(request.getfixturevalue(who))
    urls = [
        reverse("joining:organisation", args=[ministry.pk]),
        reverse("joining:expression_detail", args=[expression.pk]),
        reverse("joining:expression_edit", args=[expression.pk]),
        reverse("joining:assessment_detail", args=[assessment.pk]),
        reverse("joining:assessment_tasks", args=[assessment.pk]),
        reverse("joining:assessment_section", args=[assessment.pk, "human"]),
        reverse("joining:assessment_report", args=[assessment.pk]),
        reverse("lab:request_create", args=[ministry.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("joining:assessment_section", args=[assessment.pk, "financial"]),
        {"annual_budget_usd": "1"},
    )
    assert response.status_code == 404
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 300_000


def test_queues_are_for_staff_only(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get(reverse("joining:queue", args=["expressions"])).status_code == 403
    assert client.get(reverse("lab:queue")).status_code == 403


def test_focal_point_cannot_acknowledge_own_expression(client, objects, ministry_focal_point):
    expression, _ = objects
    client.force_login(ministry_focal_point)
    response = client.post(reverse("joining:expression_acknowledge", args=[expression.pk]))
    assert response.status_code == 403
    expression.refresh_from_db()
    assert expression.status == "submitted"


@pytest.mark.parametrize("kind", ["expressions", "assessments", "declarations"])
def test_queue_query_count_does_not_grow(
    client, secretariat_officer, django_assert_max_num_queries, kind
):
    from alliance.centres.models import CentreType
    from alliance.joining.models import JointDeclaration

    centre_type = CentreType.objects.get(code="INITIATIVES")
    for _ in range(30):
        organisation = OrganisationFactory()
        ExpressionFactory(organisation=organisation, status="submitted")
        assessment = AssessmentFactory(organisation=organisation, complete=True, status="submitted")
        JointDeclaration.objects.create(
            organisation=organisation,
            assessment=assessment,
            centre_type=centre_type,
            scope="national",
            status="signed_by_organisation",
        )
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("joining:queue", args=[kind]))
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


def test_queue_shows_what_waits_with_age(client, secretariat_officer, objects, ministry):
    client.force_login(secretariat_officer)
    page = client.get(reverse("joining:queue", args=["expressions"])).content.decode()
    assert str(ministry) in page
    filtered = client.get(reverse("joining:queue", args=["expressions"]), {"status": "declined"})
    assert str(ministry) not in filtered.content.decode()


def test_history_of_an_expression_is_shown_to_its_organisation(
    client, ministry, ministry_focal_point, secretariat_officer
):
    from alliance.joining import services

    expression = ExpressionFactory(organisation=ministry, status="submitted")
    services.expression_acknowledge(expression_id=expression.pk, actor=secretariat_officer)
    client.force_login(ministry_focal_point)
    page = client.get(reverse("joining:expression_detail", args=[expression.pk])).content.decode()
    assert "Acknowledged by the secretariat" in page
    assert "Request a preliminary assessment" in page


def test_dashboard_shows_joining_status_and_staff_queues(
    client, ministry, ministry_focal_point, secretariat_officer
):
    ExpressionFactory(organisation=ministry, status="submitted")
    client.force_login(ministry_focal_point)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Joining the Alliance" in page
    assert reverse("joining:organisation", args=[ministry.pk]) in page
    client.force_login(secretariat_officer)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "1 expression of interest to acknowledge" in page


def test_drafts_stay_out_of_the_secretariat_queue(client, secretariat_officer, ministry):
    ExpressionFactory(organisation=ministry, status="draft")
    client.force_login(secretariat_officer)
    response = client.get(reverse("joining:queue", args=["expressions"]), {"status": "draft"})
    assert str(ministry) not in response.content.decode()


def test_secretariat_cannot_open_a_draft(client, secretariat_officer, ministry):
    draft = ExpressionFactory(organisation=ministry, status="draft")
    client.force_login(secretariat_officer)
    assert client.get(reverse("joining:expression_detail", args=[draft.pk])).status_code == 404
