"""The staff form of a new cost model version: every figure, its effective date, a note."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import DateInput

from .costs import FIGURE_FIELDS
from .models import CostModelVersion


class CostModelVersionForm(forms.ModelForm):
    class Meta:
        model = CostModelVersion
        fields = ["effective_from", *FIGURE_FIELDS, "note"]
        widgets = {"effective_from": DateInput}
        help_texts = {
            "effective_from": _("Today or later. Estimates already made keep their version."),
            "range_low": _("For example 0.80: the range starts at 0.8 times the total."),
            "range_high": _("For example 1.25: the range ends at 1.25 times the total."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FIGURE_FIELDS:
            field = self.fields[name]
            if isinstance(field, forms.DecimalField):
                field.validators.append(MinValueValidator(Decimal("0.01")))
                field.widget.attrs.update(min="0.01", step="0.01")
            else:
                field.widget.attrs.update(min="0", step="1000")


def initial_from(version: CostModelVersion | None) -> dict:
    """The form starts from the figures in effect: a new version changes only some."""
    if version is None:
        return {}
    return {name: getattr(version, name) for name in FIGURE_FIELDS}
