"""Checks an independent reader (pikepdf) makes on every PDF the platform hands out."""

import io

import pikepdf

UI_LANGUAGES = ["en", "fr", "ar", "zh-hans"]


def _links(pdf) -> list[str]:
    uris = []
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") == "/Link" and "/A" in annot and "/URI" in annot.A:
                uris.append(str(annot.A.URI))
    return uris


def _struct_kinds(node, seen: set, depth: int = 0) -> set:
    if depth > 60:
        return seen
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        seen.add(str(node.S))
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            _struct_kinds(kid, seen, depth + 1)
    elif isinstance(kids, pikepdf.Dictionary):
        _struct_kinds(kids, seen, depth + 1)
    return seen


def read_tagged_pdf(content: bytes, *, language: str, title: str) -> dict:
    """Assert PDF/UA essentials; return the links and structure element kinds for more checks."""
    pdf = pikepdf.open(io.BytesIO(content))
    root = pdf.Root
    assert "/StructTreeRoot" in root, "no structure tree"
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == language
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert title in str(pdf.docinfo.get("/Title", ""))
    with pdf.open_metadata() as meta:
        assert meta.get("pdfuaid:part") == "1"
    return {
        "links": _links(pdf),
        "kinds": _struct_kinds(root.StructTreeRoot, set()),
        "pages": len(pdf.pages),
    }
