from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent
from .translation_forms import TranslatedFormField, TranslatedWidget  # noqa: F401


class FormRenderer(DjangoTemplates):
    """Fields with the error beside them, in the GOV.UK manner."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class DateInput(forms.DateInput):
    input_type = "date"


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor's email contains"), required=False, max_length=200)
    object_type = forms.ModelChoiceField(
        label=_("Object type"), required=False, queryset=ContentType.objects.none()
    )
    verb = forms.CharField(label=_("Action starts with"), required=False, max_length=80)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # EXISTS probes the (content_type, object_id) index once per content type; a
        # DISTINCT over the events read all of them (200,000 in ten years) on every view.
        used = AuditEvent.objects.filter(content_type=OuterRef("pk"))
        self.fields["object_type"].queryset = ContentType.objects.filter(Exists(used)).order_by(
            "model"
        )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date must be on or after the start date."))
        return data
