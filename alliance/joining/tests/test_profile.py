"""The assessment profile: radar chart against averages that identify no one, per-pillar text,
recommendation with its cost breakdown and next steps, as a page and in the PDF."""

import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.core.tests.pdfcheck import read_tagged_pdf
from alliance.joining.pdf import assessment_pdf, assessment_report_html
from alliance.joining.profile import profile_context
from alliance.joining.selectors import pillar_averages

from .factories import COMPLETE_PILLARS, AssessmentFactory

pytestmark = pytest.mark.django_db

ALL_ADEQUATE = {code: {"rating": "adequate", "evidence": ""} for code in COMPLETE_PILLARS}


def _submitted(country="MW", pillars=None):
    return AssessmentFactory(
        organisation=OrganisationFactory(country=country),
        complete=True,
        status="submitted",
        pillars=pillars or dict(ALL_ADEQUATE),
    )


@pytest.fixture
def own(ministry):
    return AssessmentFactory(organisation=ministry, complete=True, status="submitted")


def test_averages_hidden_below_five_organisations_and_shown_at_five(own):
    for _ in range(3):
        _submitted("MW")
    _submitted("FR")  # Europe: counts for "all", not for Africa
    AssessmentFactory(organisation=OrganisationFactory(country="MW"), complete=True)  # a draft
    averages = pillar_averages(own)
    assert averages["region"]["count"] == 4 and not averages["region"]["shown"]
    assert averages["region"]["scores"] == {}
    assert averages["all"]["count"] == 5 and averages["all"]["shown"]
    # Own "capital" is inadequate (1), the four others adequate (3): (1 + 4 * 3) / 5.
    assert averages["all"]["scores"]["capital"] == 2.6

    _submitted("MW")
    averages = pillar_averages(own)
    assert averages["region"]["shown"] and averages["region"]["count"] == 5
    assert averages["region_name"] == "Africa"
    assert averages["region"]["scores"]["capital"] == 2.6


def test_an_organisation_counts_once_with_its_latest_assessment(own):
    for _ in range(3):
        _submitted("MW")
    AssessmentFactory(organisation=own.organisation, complete=True, status="completed")
    assert pillar_averages(own)["region"]["count"] == 4


def test_radar_shows_the_organisation_and_only_the_averages_that_may_be_shown(own):
    context = profile_context(own)
    assert "<script" not in context["radar_svg"]
    assert "Ministry of ICT" in context["radar_svg"]
    assert "Average of" not in context["radar_svg"]
    for _ in range(4):
        _submitted("MW")
    context = profile_context(own)
    assert "Average of Africa (5 organisations)" in context["radar_svg"]
    assert "Average of all submitted assessments (5 organisations)" in context["radar_svg"]


def test_page_shows_radar_table_pillar_text_recommendation_and_steps(
    client, own, ministry_focal_point, django_assert_max_num_queries
):
    for _ in range(4):
        _submitted("MW")
    client.force_login(ministry_focal_point)
    url = reverse("joining:assessment_profile", args=[own.pk])
    with django_assert_max_num_queries(15):
        page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert len(page.content) < 100_000  # the chart is inline, the page stays in budget
    assert 'role="img"' in html and "<svg" in html and "Radar chart of the seven" in html
    assert '<th scope="row">Capital &amp; Resources</th>' in html
    assert "Gap: Capital &amp; Resources has little evidence" in html
    assert "Strength: Vision &amp; Strategy is in place" in html
    assert "It is below the average of Africa." in html
    assert "Best fit:" in html and "Base operating cost" in html
    assert "Next steps" in html
    detail = client.get(reverse("joining:assessment_detail", args=[own.pk])).content.decode()
    assert url in detail


def test_page_is_refused_to_another_organisation_and_open_to_staff(
    client, own, university_focal_point, secretariat_officer
):
    url = reverse("joining:assessment_profile", args=[own.pk])
    client.force_login(university_focal_point)
    assert client.get(url).status_code == 404
    client.force_login(secretariat_officer)
    assert client.get(url).status_code == 200


def test_pdf_report_carries_the_radar_and_the_pillar_text_and_links_the_page(own):
    html = assessment_report_html(own, "en")
    assert 'src="data:image/svg+xml;base64,' in html and 'alt="Radar chart of the seven' in html
    assert "Gap: Capital &amp; Resources has little evidence" in html
    found = read_tagged_pdf(assessment_pdf(own, "en"), language="en", title="Ministry of ICT")
    assert "/Figure" in found["kinds"]
    assert any(f"/assessments/{own.pk}/profile/" in uri for uri in found["links"])


def test_profile_in_french(own):
    html = assessment_report_html(own, "fr")
    assert "Lacune" in html and "Prochaines étapes" in html
