"""The evidence of the design step "Indicators chosen": the centre's indicators, each with
its baseline and target (alliance.centres.checklist)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.centres.checklist import Evidence, provides
from alliance.centres.states import ChecklistItem

from .models import CentreIndicator, plain


@provides(
    ChecklistItem.INDICATORS,
    missing=gettext_lazy("No indicator with a baseline is chosen yet."),
)
def chosen_indicators(centre) -> list[Evidence]:
    rows = CentreIndicator.objects.filter(centre=centre).select_related("indicator")
    url = reverse("monitoring:centre_dashboard", kwargs={"centre_pk": centre.pk})
    return [
        Evidence(
            _("%(indicator)s: baseline %(baseline)s (%(year)s)")
            % {
                "indicator": row.indicator.name,
                "baseline": plain(row.baseline),
                "year": row.baseline_year,
            },
            url,
        )
        for row in rows
    ]
