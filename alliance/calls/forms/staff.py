"""Forms of the secretariat: calls, criteria, questions, screening, assignment."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.models import Scope

from ..models import Call, Criterion, Question, QuestionKind
from ..selectors import reviewers
from ..services import weights_problem


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

    def prepare_value(self, value):
        # Django would turn a stored time into the reader's zone; the box says Geneva time.
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value, ZoneInfo(settings.ALLIANCE_TIME_ZONE))
        return super().prepare_value(value)

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
            "title",
            "summary",
            "text",
            "required_documents",
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
        }

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["opens_at"] >= data["closes_at"]:
            self.add_error("closes_at", _("The deadline must come after the opening."))
        return data


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["title", "description", "weight"]


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
            "label",
            "help",
            "required",
            "word_limit",
            "choices",
        ]

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE)
            and not (data.get("choices") or {}).get("en", "").strip()
        ):
            self.add_error("choices", _("List the choices, one a line."))
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


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)
    due_at = GenevaDateTimeField(label=_("Review due"))

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = reviewers()
        if application is not None:
            # Someone already assigned, or who recused, is not offered again.
            queryset = queryset.exclude(review_assignments__application=application)
        self.fields["reviewer"].queryset = queryset


class BulkAssignForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    due_at = GenevaDateTimeField(label=_("Reviews due"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewers()
