"""Forms of the applicant's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import needed
from alliance.core.models import Scope
from alliance.core.uploads import UploadValidator

from ..completeness import word_count
from ..models import QuestionKind

# --- Applicant ------------------------------------------------------------------------


class StartApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Apply on behalf of"), queryset=None, empty_label=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CentreSectionForm(forms.Form):
    # A draft may leave these empty; submission needs them, so they are not "(optional)".
    proposed_centre_type = needed(
        forms.ModelChoiceField(label=_("Proposed centre type"), queryset=None, required=False)
    )
    proposed_scope = needed(forms.ChoiceField(label=_("Proposed scope"), required=False))
    host_institution = needed(
        forms.CharField(
            label=_("Host institution"),
            max_length=200,
            required=False,
            help_text=_("The institution that would host the centre."),
        )
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_centre_type"].queryset = call.centre_types.all()
        self.fields["proposed_scope"].choices = [("", "—")] + [
            (s, Scope(s).label) for s in call.scopes
        ]


class InitiativesSectionForm(forms.Form):
    flagship_initiatives = forms.CharField(
        label=_("Flagship initiatives proposed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("For each initiative: its aim, the strategic objectives it serves, partners."),
    )


class ResourcesSectionForm(forms.Form):
    human_resources_plan = forms.CharField(
        label=_("Human resources plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Staff you can assign to the centre, with their roles and time."),
    )
    financial_resources_plan = forms.CharField(
        label=_("Financial resources plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Operating budget, sources of funding and the first three years' plan."),
    )


class QuestionsSectionForm(forms.Form):
    """The call's own questions (all but files). Required ones are checked at submission,
    so that a half-finished draft can always be saved."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions if q.kind != QuestionKind.FILE]
        for q in self.questions:
            self.fields[q.key] = self._field(q)

    def _field(self, q):
        common = {"label": str(q.label), "help_text": str(q.help), "required": False}
        if q.kind == QuestionKind.SHORT_TEXT:
            return forms.CharField(max_length=300, **common)
        if q.kind == QuestionKind.LONG_TEXT:
            if q.word_limit:
                common["help_text"] = (
                    common["help_text"] + " " + str(_("At most %(n)d words.") % {"n": q.word_limit})
                ).strip()
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), **common)
        if q.kind == QuestionKind.NUMBER:
            return forms.DecimalField(max_digits=18, decimal_places=2, **common)
        if q.kind == QuestionKind.CHOICE:
            return forms.ChoiceField(
                choices=[("", "—"), *q.choice_pairs()], widget=forms.RadioSelect, **common
            )
        if q.kind == QuestionKind.MULTIPLE_CHOICE:
            return forms.MultipleChoiceField(
                choices=q.choice_pairs(), widget=forms.CheckboxSelectMultiple, **common
            )
        return forms.ChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
        )

    def clean(self):
        data = super().clean()
        for q in self.questions:
            if q.kind == QuestionKind.LONG_TEXT and q.word_limit:
                value = data.get(q.key) or ""
                if word_count(value) > q.word_limit:
                    self.add_error(
                        q.key,
                        _("Use at most %(n)d words (you used %(used)d).")
                        % {"n": q.word_limit, "used": word_count(value)},
                    )
        return data

    def answers(self) -> dict:
        """Only the valid answers, in JSON-friendly form."""
        result = {}
        for q in self.questions:
            if q.key in self.cleaned_data:
                value = self.cleaned_data[q.key]
                result[q.key] = (
                    str(value) if value is not None and q.kind == QuestionKind.NUMBER else value
                )
        return result


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        validators=[UploadValidator("application")],
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG; at most 10 MB."),
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        file_questions = [q for q in questions if q.kind == QuestionKind.FILE]
        if file_questions:
            self.fields["question"] = forms.TypedChoiceField(
                label=_("This document answers"),
                choices=[("", _("Another document"))]
                + [(q.pk, str(q.label)) for q in file_questions],
                coerce=int,
                required=False,
                empty_value=None,
            )
            self.order_fields(["question", "title", "file"])
