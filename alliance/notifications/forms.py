from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery
from .registry import kinds


class InboxFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("all", _("All messages")), ("unread", _("Unread messages"))],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)


class PreferencesForm(forms.Form):
    """One choice per kind of message; kinds that cannot be turned off are not fields."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds():
            if kind.essential:
                continue
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Delivery.choices,
                initial=current.get(kind.code, kind.default),
                widget=forms.RadioSelect,
                # A kind left out of the post keeps its current choice.
                required=False,
            )
