import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.accounts.models import Organisation
from alliance.core.forms import ConstraintErrorsMixin, DateInput
from alliance.core.models import Country, Region, Scope, StrategicObjective

from .models import (
    Centre,
    CentreType,
    FlagshipInitiative,
    PartnerRecognition,
)
from .states import (
    RECOGNITION_CRITERIA,
    RENEWAL_CRITERIA,
    CentreStatus,
    RequestStatus,
)


def _sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    # Codes, not ids, in the query string: links such as ?country=MW stay readable.
    centre_type = forms.ModelChoiceField(
        label=_("Type"),
        queryset=CentreType.objects.order_by("order"),
        required=False,
        to_field_name="code",
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("order"),
        required=False,
        to_field_name="code",
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        to_field_name="code",
        # Only countries with a public centre: a centre in design is nobody else's business.
        queryset=Country.objects.filter(centres__listed_since__isnull=False).distinct(),
        required=False,
    )
    objective = forms.ModelChoiceField(
        label=_("Objective"),
        queryset=StrategicObjective.objects.order_by("order"),
        required=False,
        to_field_name="code",
    )
    scope = forms.ChoiceField(
        label=_("Scope"), choices=[("", _("Any"))] + list(Scope.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any"))]
        + [(s.value, s.label) for s in CentreStatus if s != CentreStatus.IN_DESIGN],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("centre_type", "region", "country", "objective"):
            self.fields[name].empty_label = _("Any")
        # Country names are translated, so sort them here rather than in the database.
        countries = sorted(self.fields["country"].queryset, key=lambda c: _sort_key(c.name))
        self.fields["country"].choices = [("", _("Any"))] + [
            (c.code.code, c.name) for c in countries
        ]

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v} if self.is_valid() else {}


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + list(CentreStatus.choices), required=False
    )


class RequestFilterForm(forms.Form):
    """The staff's lists of moves between types and partner recognitions."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + list(RequestStatus.choices), required=False
    )

    def __init__(self, *args, statuses=RequestStatus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any")), *statuses.choices]


class CentreCreateForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = Centre
        fields = ["name", "centre_type", "scope", "host_organisation", "country", "objectives"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["objectives"].required = False
        self.fields["objectives"].help_text = _("Leave empty to take the type's objectives.")


class CentreUpdateForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = Centre
        fields = ["name", "scope", "ownership", "host_organisation", "country", "objectives"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}


class CentreProfileForm(ConstraintErrorsMixin, forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Centre
        # The website is declared above (https by default), not generated from the model.
        fields = ["description", "contact_name", "contact_email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].initial = self.instance.website
        self.order_fields(["description", "website"])


class ChecklistForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=500)


class AccreditationIssueForm(forms.Form):
    start_date = forms.DateField(label=_("Start date"), widget=DateInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Rationale"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for a rejection."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("note", "").strip():
            self.add_error("note", _("Give the reason for the rejection."))
        return data


class RenewalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("renew", _("Renew for three years")), ("lapse", _("Do not renew"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SelfReportForm(forms.Form):
    self_report = forms.CharField(
        label=_("Self-report"),
        help_text=_(
            "What the centre achieved over its term: objectives, flagship initiatives, "
            "resources, partnerships, and its plans for the next three years."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class EvaluationForm(forms.Form):
    note = forms.CharField(
        label=_("Evaluation"), widget=forms.Textarea(attrs={"rows": 6}), required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in RENEWAL_CRITERIA:
            self.fields[f"score_{code}"] = forms.TypedChoiceField(
                label=label,
                coerce=int,
                choices=[(i, str(i)) for i in range(5)],
                help_text=_("0: not met – 4: fully met"),
            )
        self.order_fields([f"score_{c}" for c, _l in RENEWAL_CRITERIA] + ["note"])

    def scores(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"score_{code}"] for code, _l in RENEWAL_CRITERIA}


class RecognitionEvaluationForm(forms.Form):
    """The score on every published criterion of a partner recognition."""

    note = forms.CharField(
        label=_("Evaluation"), widget=forms.Textarea(attrs={"rows": 6}), required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in RECOGNITION_CRITERIA:
            self.fields[f"score_{code}"] = forms.TypedChoiceField(
                label=label,
                coerce=int,
                choices=[(i, str(i)) for i in range(5)],
                help_text=_("0: not met – 4: fully met"),
            )
        self.order_fields([f"score_{c}" for c, _l in RECOGNITION_CRITERIA] + ["note"])

    def scores(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"score_{code}"] for code, _l in RECOGNITION_CRITERIA}


class CategoryChangeForm(forms.Form):
    to_type = forms.ModelChoiceField(
        label=_("Target type"), queryset=CentreType.objects.order_by("order")
    )
    justification = forms.CharField(
        label=_("Justification"),
        help_text=_("How the centre's resources and experience have grown."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    annual_budget_usd = forms.IntegerField(
        label=_("Annual budget (USD)"), required=False, min_value=0
    )


class InitiativeForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = FlagshipInitiative
        fields = [
            "title",
            "summary",
            "objectives",
            "partners",
            "budget_usd",
            "start_date",
            "end_date",
            "status",
            "outcomes",
        ]
        widgets = {
            "objectives": forms.CheckboxSelectMultiple,
            "start_date": DateInput,
            "end_date": DateInput,
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must be on or after the start date."))
        return data


class RecognitionForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = PartnerRecognition
        fields = [
            "organisation",
            "centre_name",
            "centre_type",
            "scope",
            "country",
            "description",
            "track_record",
            "resources",
        ]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["country"].queryset = Country.objects.all()
        # Named and sorted in the reader's language (the table is ordered by code).
        by_name = sorted(self.fields["country"].queryset, key=lambda c: _sort_key(c.name))
        blank = self.fields["country"].empty_label
        self.fields["country"].choices = [*([("", blank)] if blank is not None else [])] + [
            (c.pk, c.name) for c in by_name
        ]

    def clean(self):
        data = super().clean()
        centre_type, scope = data.get("centre_type"), data.get("scope")
        if centre_type and scope and centre_type.scopes and scope not in centre_type.scopes:
            self.add_error("scope", _("This type of centre cannot have this scope."))
        return data


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=40,
        help_text=_("The code printed on the certificate, for example ABCD-EFGH-JKMN."),
    )
    credential = forms.FileField(
        label=_("Or the credential file (.jwt)"),
        required=False,
        help_text=_("The verifiable credential the centre received with its accreditation."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("code") and not data.get("credential"):
            raise forms.ValidationError(_("Enter a verification code or choose a credential file."))
        upload = data.get("credential")
        if upload is not None:
            if upload.size > 20_000:
                self.add_error("credential", _("This file is too large to be a credential."))
            else:
                try:
                    data["token"] = upload.read().decode("ascii").strip()
                except UnicodeDecodeError:
                    self.add_error("credential", _("This file is not a credential."))
        return data
