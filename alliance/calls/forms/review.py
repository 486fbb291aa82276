"""Forms of reviewers and the Director."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import needed

from ..models import SCORE_MAX, SCORE_MIN

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
    note = needed(
        forms.CharField(
            label=_("Describe the conflict"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Needed if you declare a conflict of interest."),
        )
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
            # Drafts save partial scores; submitting needs every one.
            fields[f"score_{c.pk}"] = needed(
                forms.TypedChoiceField(
                    label=_("%(criterion)s (weight %(weight)d%%)")
                    % {"criterion": str(c.title), "weight": c.weight},
                    choices=SCORE_CHOICES,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    help_text=str(c.description),
                )
            )
            fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": str(c.title)},
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
