from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.languages import language_choices
from alliance.core.models import Region
from alliance.core.widgets import DatalistInput

from .models import MembershipRole, Organisation, time_zone_choices
from .services import ORGANISATION_FIELDS


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        help_texts = {
            "acronym": _("For example MACRA or TCRA."),
            "itu_membership": _("Centres are primarily for ITU members."),
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's email address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        widget=forms.RadioSelect,
    )


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language for emails"),
        choices=language_choices,
    )
    # A text box with suggestions, not a select of 600 zones (alliance/core/widgets.py);
    # still only a name from the list is accepted.
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        required=False,
        choices=lambda: [("", ""), *time_zone_choices()],
        widget=DatalistInput(time_zone_choices, "time-zones"),
        help_text=_(
            "Deadlines are set in Geneva time; we also show them in your time zone, "
            "for example Africa/Nairobi."
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Say what will use it, for example “reporting script”."),
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ModelChoiceField(label=_("Region"), required=False, queryset=None)
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)

    def __init__(self, *args, **kwargs):
        from .models import OrganisationKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *OrganisationKind.choices]
        self.fields["region"].queryset = Region.objects.order_by("order")
        self.fields["region"].empty_label = _("Any region")

    def clean_country(self):
        return self.cleaned_data["country"].upper()
