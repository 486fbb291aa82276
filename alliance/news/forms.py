from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alliance.accounts.forms import ReauthForm
from alliance.core.forms import DateInput
from alliance.core.models import Country
from alliance.core.translation_forms import TranslatedFormField

from .models import Announcement, Category


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "summary", "body", "category", "publish_at", "call", "centre", "country"]
        widgets = {"publish_at": DateTimeInput}
        help_texts = {
            "publish_at": _("Empty: published when you publish it. A future date: published then.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class CategoryFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *Category.choices]
    )


class PilotForm(ReauthForm):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    centre = forms.ModelChoiceField(
        label=_("Pilot centre (optional)"),
        required=False,
        queryset=None,
        help_text=_("Leave empty to designate the whole country."),
    )
    rationale = TranslatedFormField(label=_("Rationale"), multiline=True, max_length=5000)
    designated_on = forms.DateField(label=_("Date of the decision"), widget=DateInput)
    field_order = ["country", "centre", "rationale", "designated_on", "password"]

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


CONSENT_TEXT = _(
    "I agree to receive the Alliance Hub news by email, in the language and for the "
    "categories I chose. I can unsubscribe at any time with the link in each email."
)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the emails"))
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every category."),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(c, _(n)) for c, n in settings.LANGUAGES]
        self.fields["language"].initial = get_language()
