"""The audit trail reads in the reader's language: a sentence per event, statuses by their
names, dates and field names translated, never raw codes or dicts."""

import pytest
from django.db import transaction

from alliance.core import kernel
from alliance.core.audit_verbs import VERBS
from alliance.core.kernel.machines import MACHINES
from alliance.core.models import Region

pytestmark = pytest.mark.django_db


def test_every_verb_of_every_transition_table_has_a_sentence():
    verbs = {action.verb for machine in MACHINES.values() for action in machine.actions.values()}
    assert verbs - set(VERBS) == set()


def test_a_report_opened_by_the_scheduler_reads_as_french_with_a_french_date(
    client, secretariat_officer
):
    with transaction.atomic():
        kernel.record(
            Region.objects.first(),
            actor=None,
            verb="report.opened",
            after={"due": "2027-01-08"},
            notify=False,
        )
    client.force_login(secretariat_officer)
    page = client.get("/fr/staff/audit/").content.decode()
    assert "Rapport ouvert" in page
    assert "Échéance : 8 janvier 2027" in page
    assert "{&#x27;due&#x27;" not in page and "2027-01-08" not in page
    assert "Time (" not in page


def test_a_submitted_expression_of_interest_shows_french_statuses_and_name(
    client, ministry, ministry_focal_point, secretariat_officer
):
    from alliance.joining import services
    from alliance.joining.tests.factories import ExpressionFactory

    expression = ExpressionFactory(organisation=ministry)
    services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    client.force_login(secretariat_officer)
    page = client.get("/fr/staff/audit/").content.decode()
    assert "Manifestation d&#x27;intérêt soumise" in page
    assert "Brouillon</span> → Soumise" in page
    assert "Manifestation d&#x27;intérêt de" in page  # the object, named in French
    assert "Expression of interest" not in page


def test_a_change_of_details_names_the_fields_in_the_readers_language(client, secretariat_officer):
    with transaction.atomic():
        kernel.record(
            Region.objects.first(),
            actor=secretariat_officer,
            verb="milestone.updated",
            after={"changed": ["order"], "eligible": True},
            notify=False,
        )
    client.force_login(secretariat_officer)
    page = client.get("/fr/staff/audit/").content.decode()
    assert "Date clé mise à jour" in page
    assert "Éligible : oui" in page
