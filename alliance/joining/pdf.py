"""PDF documents (WeasyPrint): the preliminary assessment report and the joint declaration.

The HTML is built separately so that tests can read what goes into the PDF.
"""

from django.template.loader import render_to_string
from django.utils import translation

from alliance.core.documents import document_context

from .models import Pillar, Rating
from .selectors import recommendation_for

BAR_WIDTH = {Rating.ADEQUATE: 100, Rating.SOME: 60, Rating.INADEQUATE: 25}


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


def pillar_rows(assessment) -> list[dict]:
    rows = []
    for code, label in Pillar.choices:
        entry = assessment.pillars.get(code, {})
        rating = entry.get("rating", "")
        rows.append(
            {
                "code": code,
                "label": label,
                "rating": rating,
                "rating_label": Rating(rating).label if rating in Rating.values else "",
                "evidence": entry.get("evidence", ""),
                "width": BAR_WIDTH.get(rating, 0),
            }
        )
    return rows


def assessment_report_html(assessment, language: str) -> str:
    with translation.override(language):
        fits = recommendation_for(assessment)
        return render_to_string(
            "joining/pdf/assessment.html",
            {
                "assessment": assessment,
                "pillars": pillar_rows(assessment),
                "fits": fits,
                "best": fits[0] if fits else None,
                "language": language,
                **document_context(language),
            },
        )


def assessment_pdf(assessment, language: str) -> bytes:
    return _pdf(assessment_report_html(assessment, language))


def declaration_html(declaration, *, draft: bool = False) -> str:
    with translation.override(declaration.language):
        return render_to_string(
            "joining/pdf/declaration.html",
            {
                "declaration": declaration,
                "draft": draft,
                "language": declaration.language,
                **document_context(declaration.language),
            },
        )


def declaration_pdf(declaration, *, draft: bool = False) -> bytes:
    return _pdf(declaration_html(declaration, draft=draft))
