"""The data a demo centre's design checklist names (alliance.centres.checklist): a signed
cooperation agreement with the Lab, an indicator with its baseline, and the Lab's
confirmation of the resources. The flagship initiative is the centre's own (centres.py).
Idempotent: rows are found by the centre and their title."""

from datetime import date

from alliance.centres import services
from alliance.centres.states import ChecklistItem
from alliance.lab.models import CooperationAgreement
from alliance.lab.states import AgreementStatus
from alliance.monitoring.models import CentreIndicator, Indicator

DESIGN_INDICATOR = "startups-supported"


def signed_agreement(centre, signed_on: date) -> CooperationAgreement:
    agreement, _new = CooperationAgreement.objects.update_or_create(
        centre=centre,
        title=f"Design agreement BDT–{centre.host_organisation.acronym or centre.name}"[:200],
        defaults={
            "host_organisation": centre.host_organisation,
            "parties": f"ITU Telecommunication Development Bureau (BDT); {centre.host_organisation}",
            "scope": "The design phase of the centre: its flagship initiative, indicators and "
            "resources, with the Digital Transformation Lab.",
            "start_date": signed_on,
            "end_date": signed_on.replace(year=signed_on.year + 3),
            "status": AgreementStatus.SIGNED,
            "signed_at": signed_on,
        },
    )
    return agreement


def chosen_indicator(centre, year: int) -> None:
    indicator = (
        Indicator.objects.filter(code=DESIGN_INDICATOR).first()
        or Indicator.objects.order_by("objective__order", "code").first()
    )
    if indicator is None:  # the catalogue is seeded first (seed_demo: centres need it)
        return
    CentreIndicator.objects.get_or_create(
        centre=centre,
        indicator=indicator,
        defaults={"baseline": 10, "baseline_year": year, "target": 40, "target_year": year + 3},
    )


def design_evidence(centre, *, lab, signed_on: date) -> None:
    """Every step of the checklist gets its data (the initiative excepted)."""
    signed_agreement(centre, signed_on)
    chosen_indicator(centre, signed_on.year)
    row = centre.checklist.get(item=ChecklistItem.RESOURCES)
    if not row.done:
        services.checklist_mark(
            centre_id=centre.pk,
            item=ChecklistItem.RESOURCES,
            actor=lab,
            note="Demo: staff list and three-year budget checked with the Lab.",
        )
