from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.accounts.forms import ReauthForm
from alliance.centres.models import CentreType, Ownership
from alliance.core.languages import language_choices
from alliance.core.models import Scope, StrategicObjective

from .fingerprint import normalised
from .models import FundingSource, Instrument, Pillar, Rating, Sponsor
from .sections import HUMAN_ROWS
from .states import AssessmentStatus, DeclarationStatus, ExpressionStatus

REQUIRED = _("Answer this question to complete the section.")


def objective_choices():
    return [(o.code, str(o.name)) for o in StrategicObjective.objects.order_by("order")]


class ExpressionForm(forms.Form):
    instruments = forms.MultipleChoiceField(
        label=_("How do you want to take part?"),
        choices=Instrument.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    centre_types = forms.ModelMultipleChoiceField(
        label=_("Envisaged centre types"),
        help_text=_("If you want to host a centre. Not sure? Leave this empty."),
        queryset=CentreType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Strategic objectives you want to work on"),
        queryset=StrategicObjective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=[("", _("Not decided yet")), *Scope.choices],
        required=False,
    )
    motivation = forms.CharField(
        label=_("Why do you want to join the Alliance?"),
        help_text=_("A few paragraphs are enough."),
        widget=forms.Textarea,
        max_length=5000,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email address"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre_types"].queryset = CentreType.objects.order_by("order")
        self.fields["objectives"].queryset = StrategicObjective.objects.order_by("order")
        self.fields["centre_types"].label_from_instance = lambda ct: str(ct.name)
        self.fields["objectives"].label_from_instance = lambda o: str(o.name)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The organisation will read this."),
        widget=forms.Textarea,
        max_length=5000,
    )


class FindingsForm(forms.Form):
    findings = forms.CharField(
        label=_("Findings of the review"), widget=forms.Textarea, max_length=20000
    )


# --- Preliminary assessment sections ---------------------------------------------------


class SectionForm(forms.Form):
    """Every field is optional when saving a draft; `require_complete` asks for the rest.

    The fields are shown as needed (no "optional" label), since the section is only
    completed with them, but cleaning accepts them empty so that a draft always saves.
    """

    def needed(self, name: str) -> bool:
        return True

    def full_clean(self):
        for field in self.fields.values():
            field.required = False
        super().full_clean()

    def get_context(self):
        for name, field in self.fields.items():
            field.required = self.needed(name)
        return super().get_context()

    def require_complete(self) -> None:
        for name, _field in self.fields.items():
            if name in self.errors:
                continue
            if self.cleaned_data.get(name) in (None, "", [], ()):
                self.add_error(name, REQUIRED)

    @classmethod
    def initial_from(cls, assessment) -> dict:
        raise NotImplementedError

    def section_data(self) -> dict:
        raise NotImplementedError


class EcosystemForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in Pillar.choices:
            self.fields[f"{code}_rating"] = forms.ChoiceField(
                label=label,
                choices=Rating.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"{code}_evidence"] = forms.CharField(
                label=_("Evidence and activities for %(pillar)s") % {"pillar": label},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=3000,
            )

    @classmethod
    def initial_from(cls, assessment) -> dict:
        initial = {}
        for code in Pillar.values:
            entry = assessment.pillars.get(code, {})
            initial[f"{code}_rating"] = entry.get("rating", "")
            initial[f"{code}_evidence"] = entry.get("evidence", "")
        return initial

    def section_data(self) -> dict:
        pillars = {}
        for code in Pillar.values:
            entry = {}
            for part in ("rating", "evidence"):
                key = f"{code}_{part}"
                if key in self.cleaned_data:
                    entry[part] = self.cleaned_data[key]
            if entry:
                pillars[code] = entry
        return {"pillars": pillars}


class HumanResourcesForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, HUMAN_ROWS + 1):
            self.fields[f"role_{i}"] = forms.CharField(
                label=_("Role %(number)d") % {"number": i}, required=False, max_length=200
            )
            self.fields[f"fte_{i}"] = forms.DecimalField(
                label=_("Full-time equivalents for role %(number)d") % {"number": i},
                required=False,
                min_value=0,
                max_value=500,
                max_digits=5,
                decimal_places=1,
            )

    def clean(self):
        data = super().clean()
        for i in range(1, HUMAN_ROWS + 1):
            role, fte = data.get(f"role_{i}"), data.get(f"fte_{i}")
            if role and fte is None and f"fte_{i}" not in self.errors:
                self.add_error(f"fte_{i}", _("Enter the full-time equivalents for this role."))
            if fte is not None and not role and f"role_{i}" not in self.errors:
                self.add_error(f"role_{i}", _("Name the role these full-time equivalents fill."))
        return data

    def needed(self, name: str) -> bool:
        return name in ("role_1", "fte_1")

    def require_complete(self) -> None:
        if not self.section_data()["human_resources"] and not self.errors:
            self.add_error("role_1", _("Name at least one role and its full-time equivalents."))

    @classmethod
    def initial_from(cls, assessment) -> dict:
        initial = {}
        for i, row in enumerate(assessment.human_resources[:HUMAN_ROWS], start=1):
            initial[f"role_{i}"] = row.get("role", "")
            initial[f"fte_{i}"] = row.get("fte")
        return initial

    def section_data(self) -> dict:
        rows = []
        for i in range(1, HUMAN_ROWS + 1):
            role = self.cleaned_data.get(f"role_{i}")
            fte = self.cleaned_data.get(f"fte_{i}")
            if role or fte is not None:
                rows.append({"role": role or "", "fte": float(fte) if fte is not None else None})
        return {"human_resources": rows}


class FinancialForm(SectionForm):
    annual_budget_usd = forms.IntegerField(
        label=_("Annual operating budget available for the centre (US dollars)"),
        required=False,
        min_value=0,
        max_value=1_000_000_000,
    )
    funding_sources = forms.MultipleChoiceField(
        label=_("Sources of funding"),
        choices=FundingSource.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    years_secured = forms.IntegerField(
        label=_("For how many years is this funding secured?"),
        required=False,
        min_value=0,
        max_value=30,
    )

    @classmethod
    def initial_from(cls, a) -> dict:
        return {
            "annual_budget_usd": a.annual_budget_usd,
            "funding_sources": a.funding_sources,
            "years_secured": a.years_secured,
        }

    def section_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.fields}


class ProfileForm(SectionForm):
    objectives = forms.MultipleChoiceField(
        label=_("Strategic objectives of the centre"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    scope = forms.ChoiceField(
        label=_("Scope"), choices=Scope.choices, widget=forms.RadioSelect, required=False
    )
    ownership = forms.ChoiceField(
        label=_("Ownership model"),
        choices=Ownership.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    sponsor = forms.ChoiceField(
        label=_("Who sponsors the centre?"),
        choices=Sponsor.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    flagship_initiatives = forms.IntegerField(
        label=_("Number of flagship initiatives planned"),
        required=False,
        min_value=0,
        max_value=20,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].choices = objective_choices()

    @classmethod
    def initial_from(cls, a) -> dict:
        return {
            "objectives": a.objectives,
            "scope": a.scope,
            "ownership": a.ownership,
            "sponsor": a.sponsor,
            "flagship_initiatives": a.flagship_initiatives,
        }

    def section_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.fields}


SECTION_FORMS = {
    "ecosystem": EcosystemForm,
    "human": HumanResourcesForm,
    "financial": FinancialForm,
    "profile": ProfileForm,
}


class RecommenderForm(forms.Form):
    """The public "Which centre type fits us?" questions (a GET form)."""

    objectives = forms.MultipleChoiceField(
        label=_("Which strategic objectives do you want to work on?"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    scope = forms.ChoiceField(
        label=_("Scope"), choices=[("", _("Not decided yet")), *Scope.choices], required=False
    )
    ownership = forms.ChoiceField(
        label=_("Ownership model"),
        choices=[("", _("Not decided yet")), *Ownership.choices],
        required=False,
    )
    sponsor = forms.ChoiceField(
        label=_("Who would sponsor the centre?"),
        choices=[("", _("Not decided yet")), *Sponsor.choices],
        required=False,
    )
    annual_budget_usd = forms.IntegerField(
        label=_("Annual operating budget (US dollars)"),
        required=False,
        min_value=0,
        max_value=1_000_000_000,
    )
    flagship_initiatives = forms.IntegerField(
        label=_("Number of flagship initiatives"),
        required=False,
        min_value=0,
        max_value=20,
        initial=1,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].choices = objective_choices()


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = {
            "expressions": ExpressionStatus,
            "assessments": AssessmentStatus,
            "declarations": DeclarationStatus,
        }[kind]
        # Drafts are the organisation's own business until they are submitted.
        choices = [c for c in statuses.choices if c[0] != "draft"]
        self.fields["status"].choices = [("", _("Waiting for action")), *choices]


class DeclarationDraftForm(forms.Form):
    centre_type = forms.ModelChoiceField(label=_("Envisaged centre type"), queryset=None)
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices)
    commitments = forms.CharField(
        label=_("Additional commitments"),
        help_text=_("Added to the standard commitments of both parties."),
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
    language = forms.ChoiceField(label=_("Language of the document"), choices=language_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre_type"].queryset = CentreType.objects.order_by("order")
        self.fields["centre_type"].label_from_instance = lambda ct: str(ct.name)


class SignForm(ReauthForm):
    """The signatory's password (as the Director's to countersign), then the signature."""

    full_name = forms.CharField(label=_("Your full name, as your signature"), max_length=200)
    confirm = forms.BooleanField(
        label=_("I am authorised to sign this joint declaration for my organisation.")
    )


class VerifyFileForm(forms.Form):
    document = forms.FileField(
        label=_("The signed declaration (PDF)"),
        help_text=_("The file is read to compute its fingerprint, then forgotten."),
        max_length=255,
    )


class VerifyForm(forms.Form):
    fingerprint = forms.CharField(
        label=_("Fingerprint printed on the declaration"),
        help_text=_("64 characters, 0-9 and a-f; spaces do not matter."),
        max_length=200,
    )

    def clean_fingerprint(self):
        value = normalised(self.cleaned_data["fingerprint"])
        if len(value) != 64 or any(ch not in "0123456789abcdef" for ch in value):
            raise forms.ValidationError(_("A fingerprint is 64 characters, 0-9 and a-f."))
        return value
