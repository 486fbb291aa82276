"""The form field of a TranslatedField: one input per configured language (kept apart
from forms.py, which imports the models, because the model field names it)."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .translations import (
    FALLBACK,
    Translations,
    language_codes,
    language_direction,
    language_name,
)


class TranslatedWidget(forms.MultiWidget):
    """One input per configured language, each with its `lang` and a label naming the
    language; `invalid` holds the languages whose text the field refused."""

    template_name = "core/forms/translated.html"

    def __init__(self, languages, multiline=False, attrs=None):
        self.languages, self.multiline, self.invalid = list(languages), multiline, set()
        base = forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
        widgets = {}
        for code in self.languages:
            widget = copy.deepcopy(base)
            widget.attrs.update({"lang": code, "dir": language_direction(code)})
            widgets[code] = widget
        super().__init__(widgets, attrs)
        # title-en, title-fr: a hyphen, as in language tags (title-zh-hans).
        self.widgets_names = [f"-{code}" for code in self.languages]

    def decompress(self, value):
        value = Translations.of(value)
        return [value.get(code, "") for code in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for code, sub in zip(self.languages, context["widget"]["subwidgets"], strict=True):
            sub["language"] = language_name(code)
            sub["optional"] = code != FALLBACK or not self.is_required
            # BoundField marks every input of a field with an error; mark only the one at fault.
            sub["attrs"].pop("aria-invalid", None)
            if code in self.invalid:
                sub["attrs"]["aria-invalid"] = "true"
        return context


class TranslatedFormField(forms.MultiValueField):
    """A text in every language of settings.LANGUAGES (read for each form, so adding a
    language needs no form change). English is required when the field is, and whenever
    another language is given; the cleaned value is a Translations."""

    def __init__(self, *, max_length=None, multiline=False, **kwargs):
        self.max_length, self.multiline = max_length, multiline
        self.languages = language_codes()
        super().__init__(
            self._sub_fields(),
            widget=TranslatedWidget(self.languages, multiline),
            require_all_fields=False,
            **kwargs,
        )

    def _sub_fields(self):
        return [forms.CharField(max_length=self.max_length, required=False) for _ in self.languages]

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        if result.languages != language_codes():
            result.languages = language_codes()
            result.fields = result._sub_fields()
            attrs = result.widget.attrs
            result.widget = TranslatedWidget(result.languages, result.multiline, attrs)
            result.widget.is_required = result.required
        return result

    def clean(self, value):
        if not isinstance(value, (list, tuple)):
            value = self.widget.decompress(value)
        texts, errors, invalid = {}, [], set()
        for code, field, text in zip(self.languages, self.fields, value, strict=False):
            try:
                text = field.clean(text)
            except ValidationError as error:
                invalid.add(code)
                errors += [f"{language_name(code)}: {m}" for m in error.messages]
                continue
            if text:
                texts[code] = text
        if not texts.get(FALLBACK) and (self.required or texts):
            invalid.add(FALLBACK)
            errors.insert(
                0,
                _("Enter the text in English; it is shown when there is no translation.")
                if self.required
                else _("Enter the text in English too; it is shown when there is no translation."),
            )
        self.widget.invalid = invalid
        if errors:
            raise ValidationError(errors)
        result = Translations(texts)
        self.run_validators(result)
        return result

    def compress(self, data_list):
        return Translations(dict(zip(self.languages, data_list, strict=False)))

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        before = self.widget.decompress(initial)
        after = data if isinstance(data, (list, tuple)) else self.widget.decompress(data)
        return [b or "" for b in before] != [(a or "").strip() for a in after]
