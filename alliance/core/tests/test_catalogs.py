"""Only complete languages are listed: every catalog must translate every message."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

CATALOGS = sorted(Path(settings.BASE_DIR, "alliance").glob("*/locale/fr/LC_MESSAGES/django.po"))


def test_every_app_has_a_french_catalog():
    apps_with_strings = {p.parts[-5] for p in CATALOGS}
    assert {"core", "accounts", "public", "centres"} <= apps_with_strings


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-5])
def test_french_catalog_is_complete(path):
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    missing = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not missing, f"untranslated in {path}: {missing[:5]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:5]}"
