from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import ConstraintErrorsMixin
from alliance.core.languages import language_choices
from alliance.core.models import Region
from alliance.core.widgets import DatalistInput

from .models import MembershipRole, Organisation, TokenScope, time_zone_choices
from .services import ORGANISATION_FIELDS

# Territories that are not ITU Member States but where a university or a company that is
# an ITU Academia or Sector Member may sit (Hong Kong and Macao hold Academia members;
# Palestine is an observer). Uninhabited territories (Antarctica, Bouvet Island) never.
OTHER_TERRITORIES = ("HK", "MO", "PS", "PR")
# Kinds of organisation that speak for a Member State: they must be in one.
STATE_KINDS = ("member_state", "regulator")


def organisation_country_choices():
    """The ITU Member States, named and sorted in the reader's language, then the few
    other territories, labelled as such."""
    from django_countries import countries

    from .models import ItuMember

    codes = set(
        ItuMember.objects.filter(category="member_state", active=True).values_list("key", flat=True)
    )
    states = [(c, str(n)) for c, n in countries if c in codes]
    others = [(c, str(n)) for c, n in countries if c in OTHER_TERRITORIES and c not in codes]
    return [
        ("", "—"),
        (_("ITU Member States"), states),
        (_("Other territories (not ITU Member States)"), others),
    ]


class OrganisationForm(ConstraintErrorsMixin, forms.ModelForm):
    constraint_messages = {
        "organisation_unique_name": _(
            "An organisation with this name is already registered in this country. Ask its "
            "focal point to invite you, or use a more precise name."
        )
    }
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    country = forms.ChoiceField(label=_("Country"), choices=organisation_country_choices)

    def clean(self):
        data = super().clean()
        country, kind = data.get("country"), data.get("kind")
        if country in OTHER_TERRITORIES and kind in STATE_KINDS:
            self.add_error(
                "country",
                _(
                    "A Member State administration or a regulator must be in an ITU Member "
                    "State. Choose a Member State."
                ),
            )
        return data

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        help_texts = {
            "acronym": _("For example MACRA or TCRA."),
            "itu_membership": _(
                "Centres are mainly for ITU Members. What you declare here counts only once "
                "the secretariat has verified it against ITU's list."
            ),
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
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
        help_text=_(
            "A read-only token can only read; only a read and write token can change data."
        ),
    )
    days = forms.TypedChoiceField(
        label=_("Expires after"),
        coerce=int,
        choices=[(30, _("30 days")), (90, _("90 days")), (365, _("1 year"))],
        initial=90,
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


class SecurityPolicyForm(forms.Form):
    require_reviewer_board_mfa = forms.BooleanField(
        label=_("Reviewers and Board members must use two-factor authentication"),
        required=False,
        help_text=_(
            "When this is on, they are sent to set it up before they can use the platform, "
            "and their API tokens are refused until they have."
        ),
    )


class ReauthForm(forms.Form):
    """The password entered again for a decision that binds: the Director countersigning a
    declaration or ending a pilot, as the signatory does to sign."""

    password = forms.CharField(
        label=_("Your password"),
        help_text=_("Enter your password again to confirm it is you."),
        widget=forms.PasswordInput,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
