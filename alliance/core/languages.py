"""The platform's languages, read from settings.LANGUAGES (never a list of our own)."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, get_language_info


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def local_name(code: str) -> str:
    """The language under its own name, as a reader looks for it: "Français", "العربيّة"."""
    name = get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


def language_choices() -> list[tuple[str, str]]:
    return [(code, local_name(code)) for code in language_codes()]


def supported(code: str | None) -> str | None:
    """`code` if it is one of the platform's languages, else None."""
    return code if code in language_codes() else None


def current_language() -> str:
    return supported(get_language()) or settings.LANGUAGE_CODE


class LanguageField(models.CharField):
    """A language code among settings.LANGUAGES. The choices are left out of migrations, so
    that adding a language to the settings needs no migration."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault("default", settings.LANGUAGE_CODE)
        kwargs["choices"] = language_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        # Migrations see a plain CharField: no migration depends on this module.
        return name, "django.db.models.CharField", args, kwargs
