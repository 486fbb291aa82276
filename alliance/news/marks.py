"""How other apps mark pilots (the registry, its map, the open data). The words live here,
in this app's catalog, so that the centres app only places them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PILOT = gettext_lazy("Pilot")
PILOT_COUNTRY = gettext_lazy("Pilot country")
PILOT_COLUMNS = [
    ("country", gettext_lazy("Country, ISO 3166-1 alpha-2"), gettext_lazy("code")),
    (
        "centre_id",
        gettext_lazy("The pilot centre's number in the registry (empty: the whole country)"),
        gettext_lazy("integer"),
    ),
    ("centre", gettext_lazy("Name of the pilot centre"), gettext_lazy("text")),
    ("designated_on", gettext_lazy("Date of the Director's decision"), gettext_lazy("date")),
    ("status", gettext_lazy("designated, ended or withdrawn"), gettext_lazy("code")),
    ("ended_on", gettext_lazy("Last day of the pilot"), gettext_lazy("date")),
    ("rationale", gettext_lazy("Rationale, in English"), gettext_lazy("text")),
]


def map_title(country_name: str, centres: int) -> str:
    if centres:
        return _("%(country)s: %(count)s, pilot country") % {
            "country": country_name,
            "count": centres,
        }
    return _("%(country)s: pilot country") % {"country": country_name}
