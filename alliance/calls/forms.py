from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.accounts.roles import StaffRole
from alliance.core.models import Scope

from .completeness import word_count
from .models import SCORE_MAX, SCORE_MIN, Call, Criterion, Question, QuestionKind
from .services import weights_problem
from .validators import validate_document


class GenevaDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value, ZoneInfo(settings.ALLIANCE_TIME_ZONE))
            return value.strftime("%Y-%m-%dT%H:%M")
        return super().format_value(value)


class GenevaDateTimeField(forms.DateTimeField):
    """Typed in Geneva time (the secretariat's clock), stored in UTC."""

    widget = GenevaDateTimeInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
        kwargs.setdefault("help_text", _("Geneva time."))
        super().__init__(**kwargs)

    def to_python(self, value):
        result = super().to_python(value)
        if result is None:
            return None
        naive = timezone.make_naive(result, timezone.get_current_timezone())
        return timezone.make_aware(naive, ZoneInfo(settings.ALLIANCE_TIME_ZONE))


class CallForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Eligible scopes"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    opens_at = GenevaDateTimeField(label=_("Opens"))
    closes_at = GenevaDateTimeField(label=_("Closes (deadline)"))

    class Meta:
        model = Call
        fields = [
            "reference",
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "text_en",
            "text_fr",
            "required_documents_en",
            "required_documents_fr",
            "centre_types",
            "scopes",
            "regions",
            "who_may_apply",
            "opens_at",
            "closes_at",
            "target_reviews",
        ]
        widgets = {
            "centre_types": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
            "who_may_apply": forms.RadioSelect,
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["opens_at"] >= data["closes_at"]:
            self.add_error("closes_at", _("The deadline must come after the opening."))
        return data


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["title_en", "title_fr", "description_en", "description_fr", "weight"]
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 2}),
            "description_fr": forms.Textarea(attrs={"rows": 2}),
        }


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        problem = weights_problem(
            [f.cleaned_data["weight"] for f in self.live_forms() if "weight" in f.cleaned_data]
        )
        if problem:
            raise forms.ValidationError(problem, code="weights")

    def live_forms(self):
        return [
            f
            for f in self.forms
            if f.has_changed() and not self._should_delete_form(f) and f.cleaned_data
        ]

    def rows(self) -> list[dict]:
        return [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"} for f in self.live_forms()
        ]


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=BaseCriterionFormSet, extra=2, can_delete=True
)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "kind",
            "label_en",
            "label_fr",
            "help_en",
            "help_fr",
            "required",
            "word_limit",
            "choices_en",
            "choices_fr",
        ]
        widgets = {
            "help_en": forms.Textarea(attrs={"rows": 2}),
            "help_fr": forms.Textarea(attrs={"rows": 2}),
            "choices_en": forms.Textarea(attrs={"rows": 3}),
            "choices_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE)
            and not (data.get("choices_en") or "").strip()
        ):
            self.add_error("choices_en", _("List the choices, one a line."))
        return data


class BaseQuestionFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        return [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in self.forms
            if f.has_changed() and not self._should_delete_form(f) and f.cleaned_data
        ]


QuestionFormSet = forms.formset_factory(
    QuestionForm, formset=BaseQuestionFormSet, extra=2, can_delete=True
)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), widget=forms.Textarea)


# --- Applicant ------------------------------------------------------------------------


class StartApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Apply on behalf of"), queryset=None, empty_label=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CentreSectionForm(forms.Form):
    proposed_centre_type = forms.ModelChoiceField(
        label=_("Proposed centre type"), queryset=None, required=False
    )
    proposed_scope = forms.ChoiceField(label=_("Proposed scope"), required=False)
    host_institution = forms.CharField(
        label=_("Host institution"),
        max_length=200,
        required=False,
        help_text=_("The institution that would host the centre."),
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
        common = {"label": q.tr("label"), "help_text": q.tr("help"), "required": False}
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
        validators=[validate_document],
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG; at most 10 MB."),
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        file_questions = [q for q in questions if q.kind == QuestionKind.FILE]
        if file_questions:
            self.fields["question"] = forms.TypedChoiceField(
                label=_("This document answers"),
                choices=[("", _("Another document"))]
                + [(q.pk, q.tr("label")) for q in file_questions],
                coerce=int,
                required=False,
                empty_value=None,
            )
            self.order_fields(["question", "title", "file"])


# --- Secretariat ----------------------------------------------------------------------


class ScreeningForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome of the screening"),
        choices=[
            ("eligible", _("Eligible: send to review")),
            ("ineligible", _("Ineligible")),
            ("more_info", _("Ask the applicant for more information")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason or information requested"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant sees this text."),
    )
    reply_by = GenevaDateTimeField(
        label=_("Reply by (for a request for information)"), required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("outcome") in ("ineligible", "more_info")
            and not data.get("reason", "").strip()
        ):
            self.add_error("reason", _("Write the reason or the information requested."))
        return data


def reviewer_queryset():
    return (
        get_user_model()
        .objects.filter(groups__name=StaffRole.REVIEWER, is_active=True)
        .order_by("full_name", "email")
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)
    due_at = GenevaDateTimeField(label=_("Review due"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewer_queryset()


class BulkAssignForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    due_at = GenevaDateTimeField(label=_("Reviews due"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewer_queryset()


# --- Reviewer and Director ------------------------------------------------------------


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this applicant?"),
        choices=[("no", _("No, I have no conflict of interest")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        help_text=_(
            "For example: you work for, advise or are funded by the organisation, or a close "
            "relative does. If you declare a conflict, the application is withdrawn from you."
        ),
    )
    note = forms.CharField(
        label=_("Describe the conflict"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not data.get("note", "").strip():
            self.add_error("note", _("Describe the conflict of interest."))
        return data


SCORE_CHOICES = [("", "—")] + [(str(i), str(i)) for i in range(SCORE_MIN, SCORE_MAX + 1)]


class ReviewForm(forms.Form):
    shared_comment = forms.CharField(
        label=_("Comment shared with the secretariat, the Director and, anonymised, the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    private_notes = forms.CharField(
        label=_("Private notes (only you see them)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        fields = {}
        for c in criteria:
            fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (weight %(weight)d%%)")
                % {"criterion": c.tr("title"), "weight": c.weight},
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                help_text=c.tr("description"),
            )
            fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": c.tr("title")},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields = {**fields, **self.fields}

    def scores(self) -> dict:
        return {
            c.pk: (
                self.cleaned_data.get(f"score_{c.pk}"),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }


class DecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("selected", _("Selected")), ("not_selected", _("Not selected"))],
        coerce=lambda v: v == "selected",
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 4}))
    justification = forms.CharField(
        label=_("Justification for departing from the ranking"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed only when the decision does not follow the calibrated ranking."),
    )
