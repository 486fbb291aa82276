"""Centres in a given state, built through the services so that invariants hold."""

from datetime import date

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.centres import services
from alliance.centres.models import Centre, CentreType
from alliance.centres.states import ChecklistItem
from alliance.core.models import Country


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


def finish_design(centre, actor) -> None:
    for item in ChecklistItem.values:
        services.checklist_mark(centre_id=centre.pk, item=item, actor=actor)


def accredited_centre(*, secretariat, director, lab, start=date(2024, 3, 1), **kwargs):
    centre = make_centre(actor=secretariat, **kwargs)
    finish_design(centre, lab)
    accreditation = services.accreditation_issue(
        centre_id=centre.pk, actor=director, start_date=start
    )
    centre.refresh_from_db()
    return centre, accreditation


def centre_manager(organisation, email="manager@centre.test"):
    user = UserFactory(email=email)
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.FOCAL_POINT)
    return user
