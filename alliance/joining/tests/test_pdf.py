"""What goes into the PDFs (the PDF bytes themselves are compressed)."""

import pytest

from alliance.joining.pdf import assessment_pdf, assessment_report_html, declaration_html

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def test_report_holds_ratings_resources_recommendation_and_cost(ministry):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    html = assessment_report_html(assessment, "en")
    assert "Vision &amp; Strategy" in html
    assert "Strength: Vision &amp; Strategy is in place" in html
    assert "Gap: Capital &amp; Resources" in html
    assert "Centre manager" in html
    assert "USD\xa0300,000" in html
    assert "Best fit: <strong>Digital Transformation Acceleration Centre</strong>" in html
    assert "Indicative figures in US dollars" in html
    assert assessment_pdf(assessment, "en").startswith(b"%PDF")


def test_report_in_french(ministry):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    html = assessment_report_html(assessment, "fr")
    assert "Rapport d'évaluation préliminaire" in html or "Rapport d&#x27;évaluation" in html
    assert "Vision et stratégie" in html or "Vision &amp; stratégie" in html


def test_declaration_shows_both_signatures(ministry, secretariat_officer, director):
    from django.utils import timezone

    from alliance.centres.models import CentreType
    from alliance.joining.models import JointDeclaration

    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    declaration = JointDeclaration(
        organisation=ministry,
        assessment=assessment,
        centre_type=CentreType.objects.get(code="INITIATIVES"),
        scope="national",
        signatory_name="Grace Banda",
        signed_by=secretariat_officer,
        signed_at=timezone.now(),
        countersigned_by=director,
        countersigned_at=timezone.now(),
    )
    html = declaration_html(declaration)
    assert "Grace Banda" in html
    assert "Jean Moreau" in html
    assert "Initiatives Acceleration Centre" in html


def test_report_reasons_in_french(ministry):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    html = assessment_report_html(assessment, "fr")
    assert "Le modèle de propriété correspond." in html
