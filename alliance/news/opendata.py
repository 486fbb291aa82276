"""The pilots as open data (docs/decisions/0014-open-data.md): CSV and JSON, listed in the
open-data catalogue (alliance/public/opendata.py)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .marks import PILOT_COLUMNS
from .models import Pilot
from .selectors import all_pilots

PILOT_LABELS = {
    "country": _("Country"),
    "centre_id": _("Centre number"),
    "centre": _("Centre"),
    "designated_on": _("Designated on"),
    "status": _("Status"),
    "ended_on": _("Ended on"),
    "rationale": _("Rationale"),
}


def pilot_rows():
    for p in all_pilots():
        yield {
            "country": p.country.code.code,
            "centre_id": p.centre_id or "",
            "centre": p.centre.name if p.centre_id else "",
            "designated_on": p.designated_on.isoformat(),
            "status": p.current_status,
            "ended_on": p.ended_on.isoformat() if p.ended_on else "",
            "rationale": p.rationale.get("en", ""),
        }


def dataset() -> dict:
    """The catalogue's entry (one query: the last designation)."""
    return {
        "title": _("Pilot countries and centres"),
        "description": _("Every pilot the BDT Director has designated, current or past."),
        "files": [
            (fmt.upper(), reverse("news:open_data_pilots", args=[fmt])) for fmt in ("csv", "json")
        ],
        "updated": Pilot.objects.aggregate(m=Max("created_at"))["m"],
        "columns": PILOT_COLUMNS,
    }
