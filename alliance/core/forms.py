from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Exists, OuterRef
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent
from .translation_forms import TranslatedFormField, TranslatedWidget  # noqa: F401


class FormRenderer(DjangoTemplates):
    """Fields with the error beside them, in the GOV.UK manner."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class ConstraintErrorsMixin:
    """A ModelForm whose model's unique constraints answer beside a field, in plain words,
    instead of Django's "Un objet Organisation avec ces champs Nom et Pays existe déjà." at
    the top of the form. `constraint_messages` names a message per constraint; others get
    a sentence naming the other fields."""

    constraint_messages: dict = {}

    def _post_clean(self):
        super()._post_clean()
        general = self._errors.get(NON_FIELD_ERRORS) if self._errors else None
        if not general:
            return
        model = self._meta.model
        exclude = self._get_validation_exclusions()
        for constraint in model._meta.constraints:
            fields = [f for f in getattr(constraint, "fields", ()) if f in self.fields]
            if not fields:
                continue
            try:
                constraint.validate(model, self.instance, exclude=exclude)
            except ValidationError as error:
                texts = set(error.messages)
                general.data = [e for e in general.data if not set(_messages(e)) & texts]
                self.add_error(fields[0], self._constraint_message(constraint, fields))
        if not general.data:
            del self._errors[NON_FIELD_ERRORS]

    def _constraint_message(self, constraint, fields):
        if constraint.name in self.constraint_messages:
            return self.constraint_messages[constraint.name]
        others = ", ".join(str(self.fields[f].label) for f in fields[1:])
        if not others:
            return _("This is already used. Choose another.")
        return _("This is already used with the same %(others)s. Change one of them.") % {
            "others": others
        }


def _messages(error):
    return error.messages if isinstance(error, ValidationError) else [str(error)]


def needed(field):
    """A field a draft may leave empty but that is required to submit: not "(optional)"."""
    field.needed = True
    return field


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
