"""Forms of nominations, designations and seats, and the public Board page's query."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import LazyTypedChoiceField

from alliance.core.formatting import country_choices
from alliance.core.forms import DateInput
from alliance.core.uploads import UploadValidator

from ..models import (
    DESIGNATED_CATEGORIES,
    BoardRole,
)
from ..states import NominationStatus


class OnDateForm(forms.Form):
    """The query string of the public Board page: the composition on a given day."""

    on = forms.DateField(label=_("Board on this date"), required=False, widget=DateInput)


class NominationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Nominating entity"), queryset=None)
    nominee_name = forms.CharField(label=_("Nominee's full name"), max_length=200)
    nominee_title = forms.CharField(
        label=_("Nominee's title"),
        max_length=250,
        help_text=_("For example: Minister of Communications and Digital Economy."),
    )
    nominee_email = forms.EmailField(
        label=_("Nominee's email address"),
        help_text=_("The Board's invitations and papers are sent to this address."),
    )
    biography = forms.CharField(
        label=_("Short biography"), widget=forms.Textarea(attrs={"rows": 6})
    )
    cv = forms.FileField(
        label=_("CV"),
        help_text=_("PDF or Word document, 5 MB at most."),
        validators=[UploadValidator("cv")],
    )
    proposed_term_start = forms.DateField(label=_("Proposed term start"), widget=DateInput)
    proposed_term_end = forms.DateField(label=_("Proposed term end"), widget=DateInput)

    def __init__(self, *args, organisations, cv_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()
        if cv_name:
            # The draft already holds a CV: choosing a file again is optional.
            self.fields["cv"].required = False
            self.fields["cv"].help_text = _(
                "You uploaded %(name)s. Choose another file only to replace it "
                "(PDF or Word document, 5 MB at most)."
            ) % {"name": cv_name}

    def clean_cv(self):
        return self.cleaned_data["cv"] or None

    def clean(self):
        data = super().clean()
        start, end = data.get("proposed_term_start"), data.get("proposed_term_end")
        if start and end and end < start:
            self.add_error("proposed_term_end", _("The term cannot end before it starts."))
        return data


class EligibilityForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Is the nomination eligible?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("What did you check?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The Director reads this before deciding."),
    )


class ApproveForm(forms.Form):
    term_start = forms.DateField(label=_("Term start"), widget=DateInput)
    term_end = forms.DateField(label=_("Term end"), widget=DateInput)

    def clean(self):
        data = super().clean()
        if (
            data.get("term_start")
            and data.get("term_end")
            and data["term_end"] < data["term_start"]
        ):
            self.add_error("term_end", _("The term cannot end before it starts."))
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The nominating entity sees this reason."),
    )


class DesignationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=250)
    email = forms.EmailField(label=_("Email address"), required=False)
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[(c.value, c.label) for c in DESIGNATED_CATEGORIES],
        widget=forms.RadioSelect,
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices, required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(r.value, r.label) for r in (BoardRole.MEMBER, BoardRole.CHAIR)],
        initial=BoardRole.MEMBER,
        help_text=_("Co-chairs are elected by the Board at a meeting."),
    )
    biography = forms.CharField(
        label=_("Short biography"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    term_start = forms.DateField(label=_("Term start"), widget=DateInput)
    term_end = forms.DateField(
        label=_("Term end"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for an ex officio seat (the Chair)."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("term_start")
            and data.get("term_end")
            and data["term_end"] < data["term_start"]
        ):
            self.add_error("term_end", _("The term cannot end before it starts."))
        return data


class MemberDetailsForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=250)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Invitations go to this address; an account with it is linked at sign-in."),
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=country_choices, required=False)
    biography = forms.CharField(
        label=_("Short biography"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class RenewForm(forms.Form):
    term_end = forms.DateField(label=_("New end of term"), widget=DateInput)


class EndSeatForm(forms.Form):
    ended_on = forms.DateField(label=_("Last day on the Board"), widget=DateInput)
    resigned = forms.BooleanField(label=_("The member resigned"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class NominationFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any")), *NominationStatus.choices]
