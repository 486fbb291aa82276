from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.languages import language_choices
from alliance.core.uploads import UploadValidator

from .models import AssistanceKind, Urgency
from .selectors import lab_experts
from .states import AGREEMENT, PROJECT, RequestStatus, next_states


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
        label=_("Language for working with the Lab"), choices=language_choices
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


class PlanForm(forms.Form):
    plan = forms.CharField(
        label=_("Plan"),
        help_text=_("What the Lab will do, with whom, and what the organisation provides."),
        widget=forms.Textarea,
        max_length=10000,
    )
    milestones = forms.CharField(
        label=_("Milestones"),
        help_text=_("One a line: the date (YYYY-MM-DD), a space, then the milestone."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )

    def clean_milestones(self):
        from datetime import date

        rows = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            day, _sep, title = line.partition(" ")
            try:
                due = date.fromisoformat(day)
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(n)s does not start with a date such as 2026-03-31.") % {"n": number}
                ) from None
            if not title.strip():
                raise forms.ValidationError(_("Line %(n)s has no milestone.") % {"n": number})
            rows.append((title.strip()[:200], due))
        if not rows:
            raise forms.ValidationError(_("Give at least one milestone."))
        return rows


class DeliverForm(forms.Form):
    note = forms.CharField(label=_("What was delivered"), widget=forms.Textarea, max_length=5000)
    title = forms.CharField(label=_("Document title"), max_length=200)
    document = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, office document, CSV, text or image; 10 MB at most."),
        validators=[UploadValidator("document")],
    )


class CloseForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the assistance?"),
        choices=[
            (5, _("5 – Very satisfied")),
            (4, _("4 – Satisfied")),
            (3, _("3 – Neither satisfied nor dissatisfied")),
            (2, _("2 – Dissatisfied")),
            (1, _("1 – Very dissatisfied")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea, max_length=5000
    )


class AgreementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    parties = forms.CharField(
        label=_("Parties"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    scope = forms.CharField(label=_("Scope"), widget=forms.Textarea, max_length=10000)
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))
    document = forms.FileField(
        label=_("Agreement document"),
        required=False,
        help_text=_("PDF, office document, CSV, text or image; 10 MB at most."),
        validators=[UploadValidator("document")],
    )


class AgreementStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=[])
    document = forms.FileField(
        label=_("Signed agreement"), required=False, validators=[UploadValidator("document")]
    )

    def __init__(self, *args, actions=(), **kwargs):
        """`actions`: what the person may do to the agreement now (kernel.allowed_actions)."""
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = next_states(AGREEMENT, actions)


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False, max_length=10000
    )
    budget_usd = forms.IntegerField(label=_("Budget (USD)"), min_value=0, max_value=10**9)
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))


class ProjectStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=[])

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = next_states(PROJECT, actions)


class ProjectItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Add"),
        choices=[("milestone", _("Milestone")), ("deliverable", _("Deliverable"))],
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


class DeliverableForm(forms.Form):
    document = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, office document, CSV, text or image; 10 MB at most."),
        validators=[UploadValidator("document")],
    )


class AgreementEditForm(AgreementForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = _(
            "Leave empty to keep the current document. "
            "PDF, office document, CSV, text or image; 10 MB at most."
        )
