"""The open-data catalogue: every dataset the platform publishes, with its files, licence,
last update and data dictionary (column, meaning, type). docs/decisions/0014-open-data.md."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.board.selectors import published_decisions
from alliance.calls.models import Call
from alliance.calls.states import CallStatus
from alliance.centres.models import Centre
from alliance.news import opendata as news_opendata

TEXT, INTEGER, NUMBER, DATE, CODE = _("text"), _("integer"), _("number"), _("date"), _("code")

CENTRE_COLUMNS = [
    ("id", _("The centre's number in the registry"), INTEGER),
    ("name", _("Name of the centre"), TEXT),
    ("type", _("Centre type (code)"), CODE),
    ("scope", _("National, regional or global"), CODE),
    ("ownership", _("Who owns the centre"), CODE),
    ("host_organisation", _("Organisation hosting the centre"), TEXT),
    ("country", _("Country, ISO 3166-1 alpha-2"), CODE),
    ("region", _("ITU-D region (code)"), CODE),
    ("objectives", _("Strategic objectives (codes, space-separated)"), CODE),
    ("status", _("Status of the centre"), CODE),
    ("accreditation_start", _("First day of the accreditation"), DATE),
    ("accreditation_end", _("Last day of the accreditation"), DATE),
    ("accreditation_status", _("valid, expired, suspended, revoked or superseded"), CODE),
    ("website", _("The centre's website"), TEXT),
]
RESULT_COLUMNS = [
    ("rank", _("Rank by consolidated score"), INTEGER),
    ("organisation", _("Selected organisation"), TEXT),
    ("country", _("Country, ISO 3166-1 alpha-2"), CODE),
    ("centre_type", _("Proposed centre type (code)"), CODE),
    ("scope", _("Proposed scope"), CODE),
    ("score", _("Consolidated, calibrated score (0–5)"), NUMBER),
]
DECISION_COLUMNS = [
    ("meeting", _("Title of the Board meeting"), TEXT),
    ("meeting_date", _("Date of the meeting"), DATE),
    ("number", _("Number of the decision in the meeting"), INTEGER),
    ("text", _("Text of the decision, in English"), TEXT),
    ("method", _("consensus or vote"), CODE),
    ("votes_for", _("Votes for (votes only)"), INTEGER),
    ("votes_against", _("Votes against (votes only)"), INTEGER),
    ("abstentions", _("Abstentions (votes only)"), INTEGER),
    ("status", _("Follow-up status"), CODE),
    ("published", _("Date of publication"), DATE),
]
# The CSV's header row in the reader's language (`?header=keys`: the keys above).
DECISION_LABELS = {
    "meeting": _("Meeting"),
    "meeting_date": _("Meeting date"),
    "number": _("Decision number"),
    "text": _("Decision"),
    "method": _("Method"),
    "votes_for": _("Votes for"),
    "votes_against": _("Votes against"),
    "abstentions": _("Abstentions"),
    "status": _("Status"),
    "published": _("Published"),
}
FIGURE_COLUMNS = [  # the CSV's headers are in the reader's language, as here
    (_("Type of assistance"), _("Kind of technical assistance request"), TEXT),
    (_("Requests"), _("Number of requests"), INTEGER),
]


def decision_rows():
    for d in published_decisions():
        yield {
            "meeting": d.meeting.title["en"],
            "meeting_date": d.meeting.starts_at.date().isoformat(),
            "number": d.number,
            "text": d.text["en"],
            "method": d.method,
            "votes_for": d.votes_for,
            "votes_against": d.votes_against,
            "abstentions": d.abstentions,
            "status": d.status,
            "published": d.published_at.date().isoformat() if d.published_at else "",
        }


def _files(name: str, args=()) -> list[tuple[str, str]]:
    return [(fmt.upper(), reverse(name, args=[*args, fmt])) for fmt in ("csv", "json")]


def datasets() -> list[dict]:
    """Five queries: the centres', decisions' and pilots' last changes, the calls with results."""
    centres_updated = Centre.objects.aggregate(m=Max("updated_at"))["m"]
    decisions_updated = published_decisions().order_by().aggregate(m=Max("published_at"))["m"]
    calls = Call.objects.filter(status=CallStatus.RESULTS_PUBLISHED).order_by(
        "-results_published_at", "-id"
    )
    items = [
        {
            "title": _("Registry of acceleration centres"),
            "description": _("Every centre listed in the public registry, with its accreditation."),
            "files": [
                ("CSV", reverse("centres:export_csv")),
                ("JSON", reverse("centres:export_json")),
            ],
            "updated": centres_updated,
            "columns": CENTRE_COLUMNS,
        }
    ]
    for call in calls:
        items.append(
            {
                "title": _("Results: %(call)s") % {"call": call.title},
                "description": _("The organisations selected by this call, in ranking order."),
                "files": _files("calls:results_data", [call.pk]),
                "updated": call.results_published_at,
                "columns": RESULT_COLUMNS,
            }
        )
    items += [
        {
            "title": _("Technical assistance figures"),
            "description": _("Requests for technical assistance to the Lab, by kind."),
            "files": _files("monitoring:figures_chart"),
            "updated": None,
            "columns": FIGURE_COLUMNS,
        },
        {
            "title": _("Decisions of the Digital Innovation Board"),
            "description": _("Every decision the Board has published."),
            "files": _files("public:open_data_decisions"),
            "updated": decisions_updated,
            "columns": DECISION_COLUMNS,
        },
        news_opendata.dataset(),
    ]
    return items
