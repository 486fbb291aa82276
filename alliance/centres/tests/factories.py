"""Centres in a given state, built through the services so that invariants hold."""

from datetime import date

from django.apps import apps

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.centres import services
from alliance.centres.models import Centre, CentreType, FlagshipInitiative
from alliance.centres.states import ChecklistItem
from alliance.core.models import Country, StrategicObjective


def centre_type(code="DIGITAL_TRANSFORMATION") -> CentreType:
    return CentreType.objects.get(code=code)


def make_centre(
    *,
    actor,
    name="Blantyre Digital Transformation Centre",
    type_code="DIGITAL_TRANSFORMATION",
    scope="national",
    organisation=None,
    country="MW",
    **extra,
) -> Centre:
    return services.centre_create(
        actor=actor,
        centre_type=centre_type(type_code),
        scope=scope,
        host_organisation=organisation or OrganisationFactory(country=country),
        country=Country.objects.get(code=country),
        name=name,
        **extra,
    )


def design_evidence(centre) -> list:
    """The data each design step names (alliance.centres.checklist): a signed cooperation
    agreement, an indicator with its baseline, a flagship initiative. The first two belong
    to apps above centres in the layers, which centres' code (tests included) may not
    import: they are made by model name. Returns the rows made."""
    agreement = apps.get_model("lab", "CooperationAgreement").objects.create(
        host_organisation=centre.host_organisation,
        centre=centre,
        title=f"Cooperation agreement: {centre.name}",
        parties="BDT and the host organisation",
        scope="Support to the centre's design and first years.",
        start_date=date(2024, 1, 1),
        end_date=date(2026, 12, 31),
        status="signed",
        signed_at=date(2024, 1, 15),
    )
    indicator, _new = apps.get_model("monitoring", "Indicator").objects.get_or_create(
        code="design-startups",
        defaults={
            "objective": StrategicObjective.objects.get(code="ENTREPRENEURSHIP"),
            "name": {"en": "Start-ups accompanied"},
            "definition": {"en": "Start-ups the centre accompanied in the year."},
            "unit": "count",
        },
    )
    chosen = apps.get_model("monitoring", "CentreIndicator").objects.create(
        centre=centre,
        indicator=indicator,
        baseline=10,
        baseline_year=2023,
        target=40,
        target_year=2026,
    )
    initiative = FlagshipInitiative.objects.create(
        centre=centre, title={"en": "Start-up acceleration programme"}
    )
    return [agreement, chosen, initiative]


def finish_design(centre, actor) -> list:
    """Every step done: the data made, the resources confirmed by `actor` (the Lab)."""
    rows = design_evidence(centre)
    services.checklist_mark(
        centre_id=centre.pk,
        item=ChecklistItem.RESOURCES,
        actor=actor,
        note="Twelve staff and a budget for three years.",
    )
    return rows


def accredited_centre(*, secretariat, director, lab, start=date(2024, 3, 1), **kwargs):
    """An accredited centre with nothing of its own yet: the rows its design needed are
    removed once it is accredited (the checklist keeps their record), so that tests count
    only the agreements, indicators and initiatives they make."""
    centre = make_centre(actor=secretariat, **kwargs)
    scaffolding = finish_design(centre, lab)
    accreditation = services.accreditation_issue(
        centre_id=centre.pk, actor=director, start_date=start
    )
    for row in reversed(scaffolding):
        row.delete()
    centre.refresh_from_db()
    return centre, accreditation


def centre_manager(organisation, email="manager@centre.test"):
    user = UserFactory(email=email)
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.FOCAL_POINT)
    return user
