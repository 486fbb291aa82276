from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MembershipRole, Organisation
from .services import ORGANISATION_FIELDS


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        help_texts = {
            "acronym": _("For example MACRA or TCRA."),
            "itu_membership": _("Centres are primarily for ITU members."),
        }
        field_classes = {"website": forms.URLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].assume_scheme = "https"


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
        choices=[("en", "English"), ("fr", "Français")],
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Say what will use it, for example “reporting script”."),
    )
