import pytest

from alliance.calls.tests.factories import ApplicationFactory
from alliance.centres import services
from alliance.centres.states import CentreSource, CentreStatus

pytestmark = pytest.mark.django_db


def test_a_selected_application_becomes_a_centre_in_design_once(director, ministry):
    application = ApplicationFactory(organisation=ministry, host_institution="")
    centre = services.centre_from_application(actor=director, application=application)
    assert centre.status == CentreStatus.IN_DESIGN
    assert centre.source == CentreSource.APPLICATION
    assert centre.source_object_id == str(application.pk)
    assert centre.name == "MICT Digital Transformation Acceleration Centre"
    assert (centre.scope, centre.country.code.code) == ("regional", "MW")
    again = services.centre_from_application(actor=director, application=application)
    assert again.pk == centre.pk
