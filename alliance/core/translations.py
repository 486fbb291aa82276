"""Texts in several languages, as read by models, forms, templates and the API (the
model field is in alliance.core.i18n; see docs/decisions/0011-content-translations.md)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

FALLBACK = "en"


def current_language() -> str:
    return get_language() or FALLBACK


def language_codes() -> list[str]:
    """The configured languages, English first (it is the one every text must have)."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [FALLBACK] + [c for c in codes if c != FALLBACK]


class Translated(str):
    """A text in one language; `lang` is the language it is in, `fallback` is true when
    the wanted language had no text and English is shown instead."""

    lang: str
    wanted: str

    def __new__(cls, text: str, lang: str, wanted: str):
        obj = super().__new__(cls, text)
        obj.lang, obj.wanted = lang, wanted
        return obj

    @property
    def fallback(self) -> bool:
        return bool(self) and self.lang != self.wanted


class Translations(dict):
    """All the languages of one attribute. Printed, it is the current language's text."""

    @classmethod
    def of(cls, value) -> "Translations":
        if isinstance(value, cls):
            return value
        if value is None or value == "":
            return cls()
        if isinstance(value, str):
            return cls({FALLBACK: value})
        if isinstance(value, dict):
            return cls({k: v for k, v in value.items() if isinstance(v, str) and v})
        raise TypeError(f"Not a translated text: {value!r}")

    def text(self, language: str | None = None) -> Translated:
        wanted = language or current_language()
        for code in (wanted, wanted.split("-")[0], FALLBACK):
            if self.get(code):
                return Translated(self[code], code, wanted)
        return Translated("", wanted, wanted)

    def __str__(self) -> str:
        return str(self.text())

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __bool__(self) -> bool:
        return bool(self.text())

    # Compared with a string, it is its text in the current language (as printed).
    def __eq__(self, other):
        if isinstance(other, str):
            return str(self) == other
        return super().__eq__(other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None


def language_name(code: str) -> str:
    """The language's name in the page language ("French", "français", "Französisch")."""
    for known, name in settings.LANGUAGES:
        if known == code:
            return str(_(name)) if isinstance(name, str) else str(name)
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_direction(code: str) -> str:
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
