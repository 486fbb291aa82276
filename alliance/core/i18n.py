"""Reference data keeps its names in both languages as columns (name_en, name_fr).

Hand-written rather than django-modeltranslation: a handful of fields on reference
tables, no admin patching, and the API can return both languages at once.
"""

from django.utils.translation import get_language


def current_language() -> str:
    return (get_language() or "en").split("-")[0]


class TranslatedFieldsMixin:
    """`obj.tr("name")` reads name_<lang>, falling back to English."""

    def tr(self, field: str) -> str:
        value = getattr(self, f"{field}_{current_language()}", "")
        return value or getattr(self, f"{field}_en", "")

    def __getattr__(self, attr: str):
        # Templates read `obj.tr_description`, which is `obj.tr("description")`.
        if attr.startswith("tr_"):
            return self.tr(attr[3:])
        raise AttributeError(attr)

    @property
    def name(self) -> str:
        return self.tr("name")
