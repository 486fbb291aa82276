"""Widgets for long lists of choices.

A `<select>` of the 600 IANA time zones, rendered by Django's widget templates, cost the
profile page most of its 62 ms and 25 KB (issue 16): one template render per option. A text
box with a `<datalist>` lets the reader type "Nair" and pick "Africa/Nairobi"; the list is
built once per process and language, and the field still refuses a name not in it.
"""

from django import forms
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

_lists: dict[tuple, str] = {}


class DatalistInput(forms.TextInput):
    """A text input suggesting `options` ((value, label) pairs, or a callable giving them)
    from a datalist kept per process and language."""

    def __init__(self, options, list_id: str, attrs=None):
        super().__init__(attrs={"list": list_id, "autocomplete": "off", **(attrs or {})})
        self.options = options
        self.list_id = list_id

    def datalist(self) -> str:
        key = (self.list_id, get_language())
        html = _lists.get(key)
        if html is None:
            options = self.options() if callable(self.options) else self.options
            items = "".join(
                f'<option value="{escape(v)}">{escape(label)}</option>'
                if str(label) != str(v)
                else f'<option value="{escape(v)}">'
                for v, label in options
                if v
            )
            html = _lists[key] = f'<datalist id="{escape(self.list_id)}">{items}</datalist>'
        return html

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            "{}{}", super().render(name, value, attrs, renderer), mark_safe(self.datalist())
        )  # noqa: S308
