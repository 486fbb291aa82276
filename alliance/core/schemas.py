"""Pieces shared by the apps' API schemas."""

from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator

from .i18n import FALLBACK, Translations, language_codes


class WithActions(Schema):
    """`actions`: what the caller may do to the object now, from its transition table and
    the policy (the same list the pages use to show their buttons)."""

    actions: list[str] = []

    @staticmethod
    def resolve_actions(obj, context):
        from alliance.core.kernel import allowed_actions

        request = context.get("request") if context else None
        user = getattr(request, "auth", None) or getattr(request, "user", None)
        return sorted(allowed_actions(obj, user))


def _text(value):
    # A Translations prints as the text in the language of the request.
    return str(Translations.of(value)) if isinstance(value, dict) else value


# An output field holding a TranslatedField: the text in the requested language
# (?lang= or Accept-Language), English when it has no translation.
TranslatedText = Annotated[str, BeforeValidator(_text)]


def WithTranslations(*names: str) -> type[Schema]:  # noqa: N802 (used as a base class)
    """A base for an output schema whose fields `names` are TranslatedText: it adds
    `translations`, every language of those fields ({"title": {"en": ..., "fr": ...}}),
    and `languages`, the language each text is in ({"title": "en"} when English stood in
    for a missing translation).

        class CallOut(WithTranslations("title", "summary")):
            title: TranslatedText
            summary: TranslatedText
    """

    def _values(obj):
        get = obj.get if isinstance(obj, dict) else lambda name: getattr(obj, name, None)
        return {name: Translations.of(get(name)) for name in names}

    class Translated(Schema):
        translations: TranslationsOut
        languages: dict[str, str]

        @staticmethod
        def resolve_translations(obj):
            return {name: dict(value) for name, value in _values(obj).items()}

        @staticmethod
        def resolve_languages(obj):
            return {name: value.text().lang for name, value in _values(obj).items()}

    return Translated


TranslationsOut = dict[str, dict[str, str]]


def _translations_in(value):
    """A string is English; a dict maps language codes to texts."""
    if isinstance(value, str):
        value = {FALLBACK: value}
    if not isinstance(value, dict):
        raise ValueError(str(_("Give a text, or an object of language codes and texts.")))
    known = language_codes()
    texts = {}
    for code, text in value.items():
        if code not in known:
            raise ValueError(
                str(_("“%(code)s” is not one of the languages: %(known)s."))
                % {"code": code, "known": ", ".join(known)}
            )
        if not isinstance(text, str):
            raise ValueError(str(_("Each translation is a text.")))
        if text.strip():
            texts[code] = text.strip()
    if texts and FALLBACK not in texts:
        raise ValueError(str(_("Give the English text; it is shown when there is no translation.")))
    return Translations(texts)


# An input field for a TranslatedField: {"en": "...", "fr": "..."} or a string (English).
TranslationsIn = Annotated[dict[str, str], BeforeValidator(_translations_in)]


def _english_required(value):
    if not value.get(FALLBACK):
        raise ValueError(str(_("Give the English text; it is shown when there is no translation.")))
    return value


RequiredTranslationsIn = Annotated[TranslationsIn, AfterValidator(_english_required)]


def Choice(model_or_choices, field: str | None = None):  # noqa: N802 (used as a type)
    """A choice field as an enum in the OpenAPI document (and a 422 for any other value on
    input): `Choice(Application, "status")` reads the model field's choices (with "" when
    the field may be blank), `Choice(Urgency)` a TextChoices class."""
    if field is None:
        values = [member.value for member in model_or_choices]
    else:
        model_field = model_or_choices._meta.get_field(field)
        values = [value for value, _label in model_field.flatchoices]
        if model_field.blank and "" not in values:
            values.append("")
    return Literal[tuple(dict.fromkeys(values))]
