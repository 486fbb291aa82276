"""The assessment pages: drafts saved at every step, errors beside the fields, nothing lost."""

import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import PASSWORD

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(ministry):
    return AssessmentFactory(organisation=ministry)


def section_url(assessment, section):
    return reverse("joining:assessment_section", args=[assessment.pk, section])


def test_task_list_shows_a_status_per_section(client, ministry_focal_point, assessment):
    client.force_login(ministry_focal_point)
    page = client.get(reverse("joining:assessment_tasks", args=[assessment.pk])).content.decode()
    assert page.count("Not started") == 4
    assert "Ecosystem Assessment Canvas" in page


def test_valid_fields_are_kept_when_another_is_wrong(client, ministry_focal_point, assessment):
    client.force_login(ministry_focal_point)
    response = client.post(
        section_url(assessment, "financial"),
        {"annual_budget_usd": "250000", "years_secured": "many", "continue": "1"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Error:" in body
    assert 'value="many"' in body  # what was typed is shown again
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 250_000
    assert assessment.status_of("financial") == "in_progress"


def test_continue_asks_for_missing_answers_but_saves(client, ministry_focal_point, assessment):
    client.force_login(ministry_focal_point)
    response = client.post(
        section_url(assessment, "profile"), {"scope": "national", "continue": "1"}
    )
    assert response.status_code == 200
    assert "Answer this question to complete the section." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.scope == "national"


def test_save_and_come_back_later_goes_to_task_list(client, ministry_focal_point, assessment):
    client.force_login(ministry_focal_point)
    response = client.post(
        section_url(assessment, "human"), {"role_1": "Manager", "fte_1": "1", "save_draft": "1"}
    )
    assert response.url == reverse("joining:assessment_tasks", args=[assessment.pk])
    assessment.refresh_from_db()
    assert assessment.human_resources == [{"role": "Manager", "fte": 1.0}]


def test_submitting_incomplete_assessment_says_what_is_missing(
    client, ministry_focal_point, assessment
):
    client.force_login(ministry_focal_point)
    response = client.post(reverse("joining:assessment_check", args=[assessment.pk]), follow=True)
    assert "Complete every section before submitting" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_expired_session_keeps_what_was_typed(client, ministry_focal_point, assessment):
    url = section_url(assessment, "financial")
    # Signed out (the session expired) while filling in the page.
    response = client.post(
        url, {"annual_budget_usd": "420000", "years_secured": "4", "continue": "1"}
    )
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert "next=" in response.url
    # Signing in brings them back to the page, with what they typed saved.
    response = client.post(
        response.url, {"login": ministry_focal_point.email, "password": PASSWORD}
    )
    assert response.url == url
    page = client.get(url).content.decode()
    assert 'value="420000"' in page
    assert "We kept what you typed" in page
    assessment.refresh_from_db()
    assert assessment.annual_budget_usd == 420_000
    assert assessment.years_secured == 4


def test_assessment_report_pdf(client, ministry, ministry_focal_point):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    client.force_login(ministry_focal_point)
    response = client.get(reverse("joining:assessment_report", args=[assessment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
