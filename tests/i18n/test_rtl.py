"""Right to left and non-Latin scripts outside the browser: PDFs, charts, isolation, CSS.

A reader of Arabic gets documents set right to left in an Arabic font, a reader of Chinese
gets a CJK font (no boxes instead of glyphs), and Latin names or numbers inside Arabic
sentences are isolated so they don't reorder the sentence.
"""

import io
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation
from pypdf import PdfReader

from alliance.centres.certificates import certificate_pdf
from alliance.centres.tests.factories import accredited_centre
from alliance.core.documents import localise_svg
from alliance.joining.pdf import assessment_pdf, assessment_report_html
from alliance.joining.tests.factories import AssessmentFactory

ROOT = Path(__file__).resolve().parents[2]


def fonts_in(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.fixture
def arabic_ministry(ministry):
    ministry.name = "وزارة الاقتصاد الرقمي"
    ministry.save()
    return ministry


def test_the_assessment_report_in_arabic_is_right_to_left_in_an_arabic_font(arabic_ministry):
    assessment = AssessmentFactory(organisation=arabic_ministry, complete=True)
    html = assessment_report_html(assessment, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert any("Naskh-Arabic" in name for name in fonts_in(assessment_pdf(assessment, "ar")))


def test_the_assessment_report_in_chinese_embeds_a_cjk_font(ministry):
    ministry.name = "数字经济部"
    ministry.save()
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    assert '<html lang="zh-hans" dir="ltr">' in assessment_report_html(assessment, "zh-hans")
    assert any("CJK" in name for name in fonts_in(assessment_pdf(assessment, "zh-hans")))


def test_an_english_report_stays_left_to_right_without_the_arabic_font(ministry):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    assert '<html lang="en" dir="ltr">' in assessment_report_html(assessment, "en")
    assert not any("Arabic" in name for name in fonts_in(assessment_pdf(assessment, "en")))


def test_the_certificate_in_arabic_is_right_to_left(
    secretariat_officer, director, lab_expert, arabic_ministry
):
    _centre, accreditation = accredited_centre(
        secretariat=secretariat_officer,
        director=director,
        lab=lab_expert,
        organisation=arabic_ministry,
        name="مركز التحول الرقمي",
    )
    pdf = certificate_pdf(accreditation, "ar")
    assert any("Naskh-Arabic" in name for name in fonts_in(pdf))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # The verification code stays readable left to right inside the Arabic page.
    assert accreditation.display_code in text


SENTENCE = Template(
    "{% load i18n core_tags %}{% blocktranslate with name=name|bdi %}Nomination of {{ name }}"
    "{% endblocktranslate %}"
)


def test_names_inside_arabic_sentences_are_isolated():
    with translation.override("ar"):
        out = SENTENCE.render(Context({"name": "Jane <Doe>"}))
    assert "<bdi>Jane &lt;Doe&gt;</bdi>" in out


def test_left_to_right_pages_are_left_as_they_are():
    with translation.override("fr"):
        out = SENTENCE.render(Context({"name": "Jane Doe"}))
    assert "<bdi>" not in out and "Jane Doe" in out


def test_charts_carry_their_language_and_let_each_label_find_its_direction():
    svg = localise_svg('<svg xmlns="http://www.w3.org/2000/svg"><defs></defs></svg>', "ar")
    assert 'xml:lang="ar"' in svg and "unicode-bidi:plaintext" in svg


PHYSICAL = re.compile(
    r"(margin|padding|border)-(left|right)|(?<![-\w])(left|right)\s*:|float\s*:\s*(left|right)"
    r"|text-align\s*:\s*(left|right)|(?<![-\w])(min-|max-)?(width|height)\s*:\s*\d"
)


@pytest.mark.parametrize(
    "path",
    sorted(ROOT.glob("alliance/*/static/**/*.css"))
    + sorted(ROOT.glob("alliance/*/templates/**/*.html")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_stylesheet_or_template_uses_left_or_right(path):
    """Logical properties only, so the layout mirrors on right-to-left pages by itself."""
    css = path.read_text()
    if path.suffix == ".html":
        css = " ".join(
            re.findall(r"<style[^>]*>(.*?)</style>|style=\"([^\"]*)\"", css, re.S).__str__()
        )
    css = re.sub(r"@media[^{]*", "", css)  # a viewport width is not a direction
    found = [m.group(0) for m in PHYSICAL.finditer(css)]
    assert not found, found
