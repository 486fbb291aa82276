"""Forms of the events app: the event (organisers), registration (with the event's
questions), attendance, materials, and the public list's filter."""

from datetime import datetime, time
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import DateInput, TranslatedFormField
from alliance.core.languages import local_name
from alliance.core.uploads import UploadValidator

from .models import EventFormat, EventKind, MaterialKind

QUESTION_SLOTS = 3
TIME = {"widget": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}


def _zone_choices():
    return [
        (z, z.replace("_", " ")) for z in sorted(available_timezones()) if "/" in z or z == "UTC"
    ]


def _language_choices():
    return [(code, local_name(code)) for code, _name in settings.LANGUAGES]


class EventForm(forms.Form):
    title = TranslatedFormField(label=_("Title"), max_length=200)
    description = TranslatedFormField(label=_("Description"), multiline=True, max_length=10_000)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices, widget=forms.RadioSelect)
    format = forms.ChoiceField(
        label=_("Format"), choices=EventFormat.choices, widget=forms.RadioSelect
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Shown only to the people registered."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to the people registered."),
    )
    start_date = forms.DateField(label=_("Start date"), widget=DateInput)
    start_time = forms.TimeField(label=_("Start time"), **TIME)
    end_date = forms.DateField(label=_("End date"), widget=DateInput)
    end_time = forms.TimeField(label=_("End time"), **TIME)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=_zone_choices, initial="Europe/Zurich"
    )
    capacity = forms.IntegerField(label=_("Capacity (people)"), min_value=1, max_value=100_000)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the event"),
        choices=_language_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    members_only = forms.BooleanField(
        label=_("Only members of organisations that joined the Alliance may register"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, QUESTION_SLOTS + 1):
            self.fields[f"question_{i}"] = TranslatedFormField(
                label=_("Registration question %(n)s (optional)") % {"n": i},
                max_length=300,
                required=False,
            )
            self.fields[f"question_{i}_required"] = forms.BooleanField(
                label=_("An answer to question %(n)s is required") % {"n": i}, required=False
            )

    def clean(self):
        data = super().clean()
        fmt = data.get("format")
        if fmt in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not data.get("place"):
            self.add_error("place", _("Give the place of an event held in person."))
        if fmt in (EventFormat.ONLINE, EventFormat.HYBRID) and not data.get("online_url"):
            self.add_error("online_url", _("Give the link of an online event."))
        keys = ("start_date", "start_time", "end_date", "end_time", "time_zone")
        if all(data.get(k) for k in keys):
            zone = ZoneInfo(data["time_zone"])
            data["starts_at"] = datetime.combine(data["start_date"], data["start_time"], zone)
            data["ends_at"] = datetime.combine(data["end_date"], data["end_time"], zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("The event must end after it starts."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        keep = ["title", "description", "kind", "format", "place", "online_url", "time_zone"]
        keep += ["capacity", "languages", "members_only", "starts_at", "ends_at"]
        fields = {k: data[k] for k in keep}
        fields["languages"] = "," + ",".join(data["languages"]) + ","
        fields["questions"] = [
            {"text": dict(data[f"question_{i}"]), "required": data[f"question_{i}_required"]}
            for i in range(1, QUESTION_SLOTS + 1)
            if data.get(f"question_{i}")
        ]
        return fields

    @staticmethod
    def initial_for(event) -> dict:
        zone = ZoneInfo(event.time_zone)
        start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
        initial = {
            "title": event.title,
            "description": event.description,
            "kind": event.kind,
            "format": event.format,
            "place": event.place,
            "online_url": event.online_url,
            "start_date": start.date(),
            "start_time": time(start.hour, start.minute),
            "end_date": end.date(),
            "end_time": time(end.hour, end.minute),
            "time_zone": event.time_zone,
            "capacity": event.capacity,
            "languages": event.language_list,
            "members_only": event.members_only,
        }
        for i, question in enumerate(event.questions.all()[:QUESTION_SLOTS], start=1):
            initial[f"question_{i}"] = question.text
            initial[f"question_{i}_required"] = question.required
        return initial


class RegistrationForm(forms.Form):
    """One text answer per question of the event."""

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        for question in event.questions.all():
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=str(question.text),
                required=question.required,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict:
        return {name[1:]: value for name, value in self.cleaned_data.items() if value}


class AttendanceForm(forms.Form):
    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for r in self.registrations:
            self.fields[f"r{r.pk}"] = forms.BooleanField(
                label=r.user.full_name or r.user.email,
                required=False,
                initial=r.status in ("registered", "attended"),
            )

    def attended(self) -> set[int]:
        return {int(name[1:]) for name, value in self.cleaned_data.items() if value}


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MaterialKind.choices)
    title = TranslatedFormField(label=_("Title"), max_length=250)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, PowerPoint, Excel or text; 20 MB at most."),
        validators=[UploadValidator("paper")],
    )
    lesson = forms.ModelChoiceField(
        label=_("Lesson learned it illustrates (optional)"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from alliance.monitoring.models import LessonLearned

        self.fields["lesson"].queryset = LessonLearned.objects.filter(status="published").order_by(
            "title"
        )

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("file"):
            self.add_error("url", _("Give a link or a file."))
        return data


class EventListForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the event"),
        choices=lambda: [("", _("All languages")), *_language_choices()],
        required=False,
    )
