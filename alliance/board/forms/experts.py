"""Forms of the Expert Network."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import LazyTypedChoiceField

from alliance.core.formatting import country_choices

from ..models import (
    Availability,
    ExpertArea,
    Language,
)


class ExpertInviteForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))


class ExpertApplicationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices, required=False)
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of the Expert Network"),
        queryset=ExpertArea.objects.order_by("order"),
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.CharField(
        label=_("Your expertise"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you have done and what you can help centres with."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=Availability.choices, widget=forms.RadioSelect
    )


class ExpertDecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ExpertFilterForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=ExpertArea.objects.order_by("order"),
        to_field_name="code",
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *Language.choices], required=False
    )
