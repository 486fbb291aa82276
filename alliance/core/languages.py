"""The platform's languages, read from settings.LANGUAGES (never a list of our own)."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import models
from django.urls import translate_url
from django.utils import translation
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


def in_language(url: str, code: str) -> str:
    """The same page in another language: "/fr/calls/3/?page=2" -> "/ru/calls/3/?page=2". A
    path without a language prefix gets one; an address on another host is left alone."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return url
    own = translation.get_language_from_path(parts.path)
    if own is None:
        path = f"/{code}{parts.path}"
        return urlunsplit(("", "", path, parts.query, parts.fragment))
    # The resolver matches the prefix of the active language: read the URL in its own.
    with translation.override(own):
        translated = translate_url(url, code)
    if translated == url and own != code:  # not one of our pages: swap the prefix
        path = f"/{code}/" + parts.path[len(own) + 2 :]
        translated = urlunsplit(("", "", path, parts.query, parts.fragment))
    return translated


def remember(response, code: str):
    """Keep the language chosen in the language cookie: unprefixed addresses ("/") then open
    in it, and sign-in knows the pages' language was a choice (accounts.adapter)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or settings.SESSION_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response
