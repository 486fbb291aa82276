from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import AssistanceKind, Urgency
from .selectors import lab_experts
from .states import RequestStatus


class AssistanceRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type of assistance"), choices=AssistanceKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What do you need help with?"),
        help_text=_("Say what you have already done and what the Lab could do for you."),
        widget=forms.Textarea,
        max_length=5000,
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Urgency.choices, widget=forms.RadioSelect, initial="normal"
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for working with the Lab"), choices=settings.LANGUAGES
    )


class TriageForm(forms.Form):
    note = forms.CharField(
        label=_("Triage note"), required=False, widget=forms.Textarea, max_length=5000
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Lab expert"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = lab_experts()


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        help_text=_("The organisation will read this."),
        widget=forms.Textarea,
        max_length=5000,
    )


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Waiting for the Lab")), *RequestStatus.choices],
    )
    kind = forms.ChoiceField(
        label=_("Type of assistance"),
        required=False,
        choices=[("", _("All types")), *AssistanceKind.choices],
    )
