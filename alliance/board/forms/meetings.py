"""Forms of Board meetings: the meeting, agenda, papers, attendance, minutes, decisions."""

from datetime import datetime, time
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import DateInput, TranslatedFormField
from alliance.core.uploads import UploadValidator

from ..models import (
    AgendaItem,
    AttendanceStatus,
    DecisionMethod,
    DecisionStatus,
    MeetingFormat,
    MeetingKind,
)


def _zone_choices():
    return [
        (z, z.replace("_", " ")) for z in sorted(available_timezones()) if "/" in z or z == "UTC"
    ]


class MeetingForm(forms.Form):
    title = TranslatedFormField(label=_("Meeting title"), max_length=200)
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
        keep = ["title", "kind", "format", "place", "online_url", "time_zone"]
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
            "title": meeting.title,
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
    title = TranslatedFormField(label=_("Agenda item"), max_length=250)
    presenter = forms.CharField(label=_("Presenter"), max_length=200, required=False)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the paper"), max_length=250)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, PowerPoint, Excel or text; 20 MB at most."),
        validators=[UploadValidator("paper")],
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


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
    text = TranslatedFormField(label=_("Decision"), multiline=True)
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
    text = TranslatedFormField(label=_("Decision"), multiline=True)
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
