from datetime import datetime, time
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from alliance.core.forms import DateInput

from .models import (
    DESIGNATED_CATEGORIES,
    AgendaItem,
    AttendanceStatus,
    Availability,
    BoardRole,
    DecisionMethod,
    DecisionStatus,
    ExpertArea,
    Language,
    MeetingFormat,
    MeetingKind,
)

MAX_CV_BYTES = 5 * 1024 * 1024
PAPER_TYPES = (".pdf", ".docx", ".doc", ".odt", ".pptx", ".xlsx", ".txt")


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
    cv = forms.FileField(label=_("CV"), help_text=_("PDF or Word document, 5 MB at most."))
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
        cv = self.cleaned_data["cv"]
        if not cv:
            return None
        if cv.size > MAX_CV_BYTES:
            raise forms.ValidationError(_("The CV must be 5 MB or smaller."))
        if not cv.name.lower().endswith((".pdf", ".doc", ".docx", ".odt")):
            raise forms.ValidationError(_("The CV must be a PDF or Word document."))
        return cv

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
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
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
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    biography = forms.CharField(
        label=_("Short biography"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class RenewForm(forms.Form):
    term_end = forms.DateField(label=_("New end of term"), widget=DateInput)


class EndSeatForm(forms.Form):
    ended_on = forms.DateField(label=_("Last day on the Board"), widget=DateInput)
    resigned = forms.BooleanField(label=_("The member resigned"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


def _zone_choices():
    return [
        (z, z.replace("_", " ")) for z in sorted(available_timezones()) if "/" in z or z == "UTC"
    ]


class MeetingForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices, widget=forms.RadioSelect)
    format = forms.ChoiceField(
        label=_("Format"), choices=MeetingFormat.choices, widget=forms.RadioSelect
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=_zone_choices, initial="Europe/Zurich"
    )

    def clean(self):
        data = super().clean()
        fmt = data.get("format")
        if fmt in (MeetingFormat.IN_PERSON, MeetingFormat.HYBRID) and not data.get("place"):
            self.add_error("place", _("Give the place of a meeting held in person."))
        if fmt in (MeetingFormat.VIRTUAL, MeetingFormat.HYBRID) and not data.get("online_url"):
            self.add_error("online_url", _("Give the link of a virtual meeting."))
        if all(data.get(k) for k in ("date", "start_time", "end_time", "time_zone")):
            zone = ZoneInfo(data["time_zone"])
            data["starts_at"] = datetime.combine(data["date"], data["start_time"], tzinfo=zone)
            data["ends_at"] = datetime.combine(data["date"], data["end_time"], tzinfo=zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        keep = ["title_en", "title_fr", "kind", "format", "place", "online_url", "time_zone"]
        return {
            **{k: data[k] for k in keep},
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
        }

    @staticmethod
    def initial_for(meeting) -> dict:
        zone = ZoneInfo(meeting.time_zone)
        start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
        return {
            "title_en": meeting.title_en,
            "title_fr": meeting.title_fr,
            "kind": meeting.kind,
            "format": meeting.format,
            "place": meeting.place,
            "online_url": meeting.online_url,
            "date": start.date(),
            "start_time": time(start.hour, start.minute),
            "end_time": time(end.hour, end.minute),
            "time_zone": meeting.time_zone,
        }


class AgendaItemForm(forms.Form):
    title_en = forms.CharField(label=_("Agenda item (English)"), max_length=250)
    title_fr = forms.CharField(label=_("Agenda item (French)"), max_length=250)
    presenter = forms.CharField(label=_("Presenter"), max_length=200, required=False)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the paper"), max_length=250)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, PowerPoint, Excel or text; 20 MB at most.")
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file must be 20 MB or smaller."))
        if not file.name.lower().endswith(PAPER_TYPES):
            raise forms.ValidationError(_("This type of file is not accepted."))
        return file


class AttendanceForm(forms.Form):
    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [c for c in AttendanceStatus.choices if c[0] != AttendanceStatus.INVITED]
        self.attendances = list(attendances)
        for a in self.attendances:
            self.fields[f"a{a.pk}"] = forms.ChoiceField(
                label=a.member.full_name,
                choices=choices,
                initial=a.status if a.status != AttendanceStatus.INVITED else None,
                widget=forms.RadioSelect,
            )

    def statuses(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"a{a.pk}"] for a in self.attendances}


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 12}))


class DecisionForm(forms.Form):
    text_en = forms.CharField(
        label=_("Decision (English)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    text_fr = forms.CharField(
        label=_("Decision (French)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    method = forms.ChoiceField(
        label=_("Adopted by"), choices=DecisionMethod.choices, widget=forms.RadioSelect
    )
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, required=False)
    abstentions = forms.IntegerField(label=_("Abstentions"), min_value=0, required=False)
    follow_up_owner = forms.CharField(label=_("Follow-up owner"), max_length=200, required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput, required=False)
    is_published = forms.BooleanField(label=_("Publish this decision"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("method") == DecisionMethod.VOTE and data.get("votes_for") is None:
            self.add_error(
                "votes_for", _("A decision taken by vote needs the number of votes for.")
            )
        return data


class ElectionForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Elected co-chairs"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    text_en = forms.CharField(
        label=_("Decision (English)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    text_fr = forms.CharField(
        label=_("Decision (French)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    method = forms.ChoiceField(
        label=_("Adopted by"), choices=DecisionMethod.choices, widget=forms.RadioSelect
    )
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, required=False)
    abstentions = forms.IntegerField(label=_("Abstentions"), min_value=0, required=False)
    is_published = forms.BooleanField(
        label=_("Publish this decision"), required=False, initial=True
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members


class DecisionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Follow-up status"), choices=DecisionStatus.choices)


class ExpertInviteForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))


class ExpertApplicationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250, required=False)
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of the Expert Network"),
        queryset=ExpertArea.objects.order_by("order"),
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.CharField(
        label=_("Your expertise"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you have done and what you can help centres with."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=Availability.choices, widget=forms.RadioSelect
    )


class ExpertDecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ExpertFilterForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=ExpertArea.objects.order_by("order"),
        to_field_name="code",
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *Language.choices], required=False
    )


class NominationFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        from .states import NominationStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any")), *NominationStatus.choices]
