"""What every generated document (PDF, SVG chart) needs to be set in its language.

A PDF has no browser to choose fonts: WeasyPrint takes the first family in the stack that
has a glyph, so Arabic and Chinese documents name Debian's Noto fonts first
(fonts-noto-core has Noto Naskh Arabic, fonts-noto-cjk has Noto Sans CJK SC) and keep
DejaVu Sans for the Latin names and numbers inside them.
"""

from django.utils import translation

LATIN = '"DejaVu Sans", "Noto Sans", sans-serif'
FONT_FAMILIES = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif',
    "zh": '"Noto Sans CJK SC", "Noto Sans SC", "DejaVu Sans", sans-serif',
}


def is_rtl(language: str) -> bool:
    try:
        return bool(translation.get_language_info(language)["bidi"])
    except KeyError:
        return (language or "").split("-")[0] in {"ar", "fa", "he", "ur"}


def font_family(language: str) -> str:
    # "zh-hans" and a bare "zh" both take the Simplified Chinese font.
    return FONT_FAMILIES.get((language or "en").lower().split("-")[0], LATIN)


def document_context(language: str) -> dict:
    """`lang`, `dir` and the font stack for a document template (see core/pdf/_base.html)."""
    return {
        "doc_lang": language,
        "doc_dir": "rtl" if is_rtl(language) else "ltr",
        "doc_font": font_family(language),
    }


CHART_FONTS = 'system-ui, "Noto Sans", "Noto Naskh Arabic", "Noto Sans CJK SC", sans-serif'
_SVG_BIDI = '<style type="text/css">text{unicode-bidi:plaintext}</style>'


def localise_svg(svg: str, language: str | None = None) -> str:
    """Tag a server-drawn chart with its language and let each label find its own direction.

    pygal writes every label left to right; with `unicode-bidi: plaintext` an Arabic title
    or country name is laid out right to left while numbers and years stay as they are.
    """
    language = language or translation.get_language() or "en"
    svg = svg.replace("<svg ", f'<svg xml:lang="{language}" ', 1)
    return svg.replace("<defs>", "<defs>" + _SVG_BIDI, 1)


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """Every PDF the platform hands out is tagged PDF/UA-1 (see docs/decisions on PDF/UA).

    WeasyPrint's variant writes the structure tree from the HTML (headings, lists, tables
    with their header cells, figures with their alternative text, links as Link elements
    with annotations), sets MarkInfo/Marked, the document language from `<html lang>`, the
    title from `<title>` and asks readers to show that title rather than the file name.
    """
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
