"""Content written in several languages is stored as data: one JSON object per attribute,
{"en": "...", "fr": "...", ...}, English required (docs/decisions/0011-content-translations.md).

Adding a language is `settings.LANGUAGES` plus catalogs: the field, its form inputs, the
API and the templates read the languages from the settings.

    call.title                   # Translations: a dict of all languages
    str(call.title)              # the text in the current language, else English
    call.title.text()            # the same as a Translated str, .lang says which language
    call.title["fr"]             # one language ("" when missing: use .get)
    Call.objects.order_by("title__en")   # a JSON key transform, SQLite and PostgreSQL
"""

from django.core import checks, exceptions
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .translations import (  # noqa: F401 (the names models and templates import from here)
    FALLBACK,
    Translated,
    Translations,
    current_language,
    language_codes,
    language_direction,
    language_name,
)


class TranslatedAttribute(DeferredAttribute):
    """`obj.title` is always a Translations, also right after `obj.title = {...}`."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or isinstance(value, Translations):
            return value
        value = Translations.of(value)
        instance.__dict__[self.field.attname] = value
        return value


class TranslatedField(models.JSONField):
    """A text in every configured language. `max_length` applies to each language;
    `multiline` gives the form text areas."""

    descriptor_class = TranslatedAttribute
    description = _("Text in several languages")

    def __init__(self, verbose_name=None, *, multiline=False, **kwargs):
        self.multiline = multiline
        kwargs.setdefault("default", dict)
        super().__init__(verbose_name, **kwargs)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.null:
            errors.append(checks.Error("A TranslatedField is never null.", obj=self))
        return errors

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, "alliance.core.i18n.TranslatedField", args, kwargs

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        if expression is not None and not isinstance(expression, models.expressions.Col):
            return value  # a key transform (title__en) reads one string, not the object
        return Translations.of(value)

    def to_python(self, value):
        return Translations.of(value)

    def get_prep_value(self, value):
        # A string here is the right-hand side of a key lookup (title__en="Launch"), not
        # a text to store: the descriptor has already made stored strings Translations.
        if isinstance(value, Translations):
            value = dict(value)
        return super().get_prep_value(value)

    def validate(self, value, model_instance):
        value = Translations.of(value)
        if not self.blank and not value.get(FALLBACK):
            raise exceptions.ValidationError(
                _("Enter the text in English; it is shown when there is no translation."),
                code="required",
            )
        if value and not value.get(FALLBACK):
            raise exceptions.ValidationError(
                _("Enter the text in English too; it is shown when there is no translation."),
                code="english",
            )
        if self.max_length:
            for code, text in value.items():
                if len(text) > self.max_length:
                    raise exceptions.ValidationError(
                        _("The %(language)s text has more than %(max)d characters.")
                        % {"language": language_name(code), "max": self.max_length},
                        code="max_length",
                    )

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        from .translation_forms import TranslatedFormField

        defaults = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "max_length": self.max_length,
            "multiline": self.multiline,
        }
        defaults.update(
            {k: v for k, v in kwargs.items() if k in ("label", "help_text", "required")}
        )
        return TranslatedFormField(**defaults)


class ApiLanguageMiddleware:
    """`?lang=fr` on the API chooses the language of the answer (Accept-Language, which
    LocaleMiddleware reads, is the other way). Place it after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        wanted = request.GET.get("lang", "") if request.path.startswith("/api/") else ""
        if wanted and isinstance(wanted, str):
            try:
                code = translation.get_supported_language_variant(wanted.lower())
            except LookupError:
                code = None
            if code:
                translation.activate(code)
                request.LANGUAGE_CODE = code
        return self.get_response(request)


class TranslatedFieldsMixin:
    """Empty: the first migrations name it among their models' bases (it read the old
    name_en/name_fr columns). Nothing else uses it."""


def audit_value(value):
    """A value as the audit trail keeps it: a translated text whole (every language),
    anything else as text."""
    return dict(value) if isinstance(value, dict) else str(value)
