import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.joining.tests.factories import AssessmentFactory
from alliance.lab.models import TechnicalAssistanceRequest

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def test_request_from_the_assessment_reaches_the_lab_queue(
    client, ministry, ministry_focal_point, lab_expert
):
    assessment = AssessmentFactory(organisation=ministry)
    client.force_login(ministry_focal_point)
    url = reverse("lab:request_create", args=[ministry.pk]) + f"?assessment={assessment.pk}"
    response = client.post(
        url,
        {
            "kind": "preliminary_review",
            "description": "Help with the canvas.",
            "urgency": "normal",
            "preferred_language": "en",
        },
    )
    tar = TechnicalAssistanceRequest.objects.get()
    assert tar.assessment == assessment
    assert response.url == reverse("lab:request_detail", args=[tar.pk])
    client.force_login(lab_expert)
    queue = client.get(reverse("lab:queue")).content.decode()
    assert str(ministry) in queue


def test_missing_description_is_shown_beside_the_field(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    response = client.post(
        reverse("lab:request_create", args=[ministry.pk]),
        {"kind": "other", "urgency": "low", "preferred_language": "en"},
    )
    assert "<title>Error:" in response.content.decode()
    assert not TechnicalAssistanceRequest.objects.exists()


def test_assessment_of_another_organisation_is_404(client, ministry_focal_point, ministry):
    other = AssessmentFactory(organisation=OrganisationFactory())
    client.force_login(ministry_focal_point)
    url = reverse("lab:request_create", args=[ministry.pk]) + f"?assessment={other.pk}"
    assert client.get(url).status_code == 404


def test_other_organisations_request_is_404(client, university_focal_point, ministry):
    tar = AssistanceRequestFactory(organisation=ministry)
    client.force_login(university_focal_point)
    assert client.get(reverse("lab:request_detail", args=[tar.pk])).status_code == 404


def test_lab_expert_triages_assigns_and_declines_from_pages(client, ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry)
    client.force_login(lab_expert)
    client.post(reverse("lab:request_triage", args=[tar.pk]), {"note": "ok"})
    client.post(reverse("lab:request_assign", args=[tar.pk]), {"assignee": lab_expert.pk})
    tar.refresh_from_db()
    assert tar.status == "assigned"
    response = client.post(reverse("lab:request_decline", args=[tar.pk]), {"reason": ""})
    assert response.status_code == 400
    tar.refresh_from_db()
    assert tar.status == "assigned"


def test_refused_transition_shows_reason(client, ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry, status="declined")
    client.force_login(lab_expert)
    response = client.post(reverse("lab:request_triage", args=[tar.pk]), {}, follow=True)
    assert "This cannot be done while the status is" in response.content.decode()


def test_lab_queue_query_count(client, lab_expert, django_assert_max_num_queries):
    for _ in range(40):
        AssistanceRequestFactory(organisation=OrganisationFactory(), assigned_to=lab_expert)
    client.force_login(lab_expert)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("lab:queue"))
    assert "Page 1 of 2" in response.content.decode()
