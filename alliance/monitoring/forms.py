from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import ConstraintErrorsMixin
from alliance.core.languages import language_choices
from alliance.core.models import Region, StrategicObjective
from alliance.core.uploads import UploadValidator, check_upload

from .models import Indicator, ReportingSchedule, check_value, plain


class IndicatorForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "objective",
            "code",
            "name",
            "definition",
            "unit",
            "direction",
            "active",
        ]
        widgets = {"unit": forms.RadioSelect, "direction": forms.RadioSelect}


class CentreIndicatorForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.filter(active=True).select_related("objective"),
    )
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    baseline_year = forms.IntegerField(label=_("Baseline year"), min_value=2000, max_value=2100)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    target_year = forms.IntegerField(label=_("Target year"), min_value=2000, max_value=2100)

    def clean(self):
        data = super().clean()
        indicator = data.get("indicator")
        for name in ("baseline", "target"):
            if indicator and data.get(name) is not None:
                reason = check_value(indicator.unit, data[name])
                if reason:
                    self.add_error(name, reason)
        return data


class ScheduleForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = ReportingSchedule
        fields = ["period_months", "first_period_start", "due_days"]
        widgets = {"first_period_start": forms.DateInput(attrs={"type": "date"})}


class ReportForm(forms.Form):
    """The centre's report: one value and note per indicator, the narrative, and progress
    for each flagship initiative. Every field is optional until submission."""

    narrative = forms.CharField(
        label=_("Narrative"),
        help_text=_("What the centre achieved in the period, what was hard, what comes next."),
        widget=forms.Textarea,
        required=False,
        max_length=20000,
    )

    def __init__(self, *args, centre_indicators=(), initiatives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.centre_indicators = list(centre_indicators)
        self.initiatives = list(initiatives)
        for ci in self.centre_indicators:
            self.fields[f"value_{ci.pk}"] = forms.DecimalField(
                label=ci.indicator.name,
                help_text=_("%(unit)s. Target %(target)s by %(year)s.")
                % {
                    "unit": ci.indicator.get_unit_display(),
                    "target": plain(ci.target),
                    "year": ci.target_year,
                },
                required=False,
                max_digits=14,
                decimal_places=2,
            )
            self.fields[f"note_{ci.pk}"] = forms.CharField(
                label=_("Note on “%(indicator)s”") % {"indicator": ci.indicator.name},
                required=False,
                max_length=500,
            )
        for initiative in self.initiatives:
            self.fields[f"progress_{initiative.pk}"] = forms.CharField(
                label=_("Progress of “%(initiative)s”") % {"initiative": initiative.title},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=5000,
            )

    def clean(self):
        data = super().clean()
        for ci in self.centre_indicators:
            value = data.get(f"value_{ci.pk}")
            if value is not None:
                reason = check_value(ci.indicator.unit, value)
                if reason:
                    self.add_error(f"value_{ci.pk}", reason)
        return data

    def values(self) -> dict[int, tuple[Decimal | None, str]]:
        return {
            ci.pk: (
                self.cleaned_data.get(f"value_{ci.pk}"),
                self.cleaned_data.get(f"note_{ci.pk}", ""),
            )
            for ci in self.centre_indicators
        }

    def progress(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"progress_{i.pk}", "") for i in self.initiatives}


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, office document, CSV, text or image; 10 MB at most."),
        validators=[UploadValidator("document")],
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("changes", _("Ask the centre for changes"))],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments for the centre"),
        required=False,
        widget=forms.Textarea,
        max_length=10000,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "changes" and not data.get("comments", "").strip():
            self.add_error("comments", _("Say what the centre should change."))
        return data


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


MAX_LESSON_ATTACHMENTS = 10


class MultipleDocumentsField(forms.FileField):
    """Several files from one input; each goes through the document checks on its own."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [u for u in (data if isinstance(data, list | tuple) else [data]) if u]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > MAX_LESSON_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(max)s files.") % {"max": MAX_LESSON_ATTACHMENTS},
                code="too_many",
            )
        errors = []
        cleaned = []
        for upload in uploads:
            try:
                upload = super().clean(upload, initial)
                check_upload(upload, "document")
            except forms.ValidationError as error:
                for message in error.messages:
                    errors.append(
                        forms.ValidationError(
                            _("%(file)s: %(error)s") % {"file": upload.name, "error": message}
                        )
                    )
            else:
                cleaned.append(upload)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class LessonForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )
    body = forms.CharField(
        label=_("Lesson"),
        help_text=_("Markdown: headings, lists, links, emphasis and tables."),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=50000,
    )
    objective = forms.ModelChoiceField(
        label=_("Strategic objective"), queryset=StrategicObjective.objects.order_by("order")
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("order"), required=False
    )
    centre = forms.ModelChoiceField(label=_("Acceleration centre"), queryset=None, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    attachments = MultipleDocumentsField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "You can choose several files. "
            "PDF, office document, CSV, text or image; 10 MB at most each."
        ),
    )
    publish = forms.BooleanField(label=_("Publish now in the public library"), required=False)

    def __init__(self, *args, centres=None, moderator=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not moderator:
            self.fields["publish"].label = _("Send to the Lab now, for the public library")
        self.fields["centre"].queryset = centres
        if centres is not None and not kwargs.get("data") and centres.count() == 1:
            self.fields["centre"].required = True


class LessonReviewForm(forms.Form):
    reason = forms.CharField(
        label=_("Your comments to the author"),
        help_text=_("Needed to ask for changes or to decline: the author reads them."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )


class LessonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    objective = forms.ModelChoiceField(
        label=_("Strategic objective"),
        queryset=StrategicObjective.objects.order_by("order"),
        required=False,
        empty_label=_("All objectives"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("order"),
        required=False,
        empty_label=_("All regions"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=lambda: [("", _("All languages")), *language_choices()],
        required=False,
    )
