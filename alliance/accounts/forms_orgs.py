from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ItuMember, MembershipRole, Organisation


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym of the organisation"), max_length=100)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say who you are and what you do there."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VerifyForm(forms.Form):
    entry = forms.ModelChoiceField(
        label=_("Entry in ITU's list"), queryset=ItuMember.objects.none(), empty_label="—"
    )

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        if entries is not None:
            self.fields["entry"].queryset = entries


class PersonAddForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        widget=forms.RadioSelect,
    )


class HandOverForm(forms.Form):
    membership = forms.TypedChoiceField(label=_("New focal point"), coerce=int)

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [(m.pk, str(m.user)) for m in memberships]


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplicate to merge into this organisation"),
        queryset=Organisation.objects.none(),
        empty_label="—",
    )

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None:
            self.fields["duplicate"].queryset = Organisation.objects.exclude(pk=organisation.pk)


class ItuImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file from ITU"), required=False)
    content = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > 2_000_000:
                raise forms.ValidationError(_("The file is too large (2 MB at most)."))
            try:
                data["content"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", _("The file must be a CSV in UTF-8."))
        elif not data.get("content"):
            self.add_error("file", _("Choose a CSV file."))
        return data


class ItuEntryForm(forms.ModelForm):
    class Meta:
        model = ItuMember
        fields = ["name", "country", "active"]
