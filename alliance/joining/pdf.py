"""PDF documents (WeasyPrint): the preliminary assessment report and the joint declaration.

The HTML is built separately so that tests can read what goes into the PDF.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from alliance.core.documents import document_context, render_pdf
from alliance.core.site import site_url

from .models import Pillar, Rating
from .profile import profile_context


def _pdf(html: str) -> bytes:
    return render_pdf(html)


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
            }
        )
    return rows


def profile_url(assessment, language: str) -> str:
    with translation.override(language):
        return site_url(reverse("joining:assessment_profile", args=[assessment.pk]))


def assessment_report_html(assessment, language: str) -> str:
    """The report is the assessment profile (profile.py) with the resources stated."""
    with translation.override(language):
        return render_to_string(
            "joining/pdf/assessment.html",
            {
                **profile_context(assessment),
                "language": language,
                "profile_url": profile_url(assessment, language),
                **document_context(language),
            },
        )


def assessment_pdf(assessment, language: str) -> bytes:
    return _pdf(assessment_report_html(assessment, language))


def language_in_sentence(code: str) -> str:
    """A language's name inside a sentence, in the active language: "anglais", "English"."""
    name = str(dict(settings.LANGUAGES).get(code, code))
    # French, Spanish and Russian write language names in lower case; English does not.
    return name if (translation.get_language() or "en").startswith("en") else name.lower()


def _verify_url(language: str) -> str:
    with translation.override(language):
        return site_url(reverse("joining:verify"))


def declaration_html(declaration, *, draft: bool = False, language: str | None = None) -> str:
    """The declaration in `language` (its own language unless told).

    With `language` given for a declaration in force, this is a reader's copy: it prints the
    fingerprint of the frozen original (which cannot print its own) and, in another
    language than the original's, says it is a translation (docs/decisions/0012).
    """
    reader_copy = bool(language and declaration.in_force and declaration.sha256 and not draft)
    language = language or declaration.language
    with translation.override(language):
        translated = reader_copy and language != declaration.language
        return render_to_string(
            "joining/pdf/declaration.html",
            {
                "declaration": declaration,
                "draft": draft,
                "language": language,
                "copy_of": (declaration.terms_sha256 or declaration.sha256) if reader_copy else "",
                "translation_of": language_in_sentence(declaration.language) if translated else "",
                "verify_url": _verify_url(language),
                **document_context(language),
            },
        )


def declaration_pdf(declaration, *, draft: bool = False) -> bytes:
    """The declaration as signed, in its own language: what is frozen at countersigning."""
    return _pdf(declaration_html(declaration, draft=draft))


def declaration_copy_pdf(declaration, language: str) -> bytes:
    """A reader's copy of a declaration in force, in `language`, with the original's fingerprint."""
    return _pdf(declaration_html(declaration, language=language))
