"""Property-based tests of the monitoring transition tables (alliance.core.tests.statemachine)."""

from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.tests.statemachine import run_table
from alliance.monitoring import services
from alliance.monitoring.models import CentreReport, IndicatorValue, ReportingPeriod
from alliance.monitoring.states import LESSON, REPORT

from .test_lessons import lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(ministry, manager, secretariat_officer, director, lab_expert, stranger):
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    return {
        "focal point": manager,
        "member": member,
        "lab expert": lab_expert,
        "secretariat": secretariat_officer,
        "director": director,
        "stranger": stranger,
    }


def test_centre_reports_follow_their_table(centre, startups, personas):
    years = count(2030)

    def make():
        start = date(next(years), 1, 1)
        period = ReportingPeriod.objects.create(
            centre=centre,
            start=start,
            end=start + timedelta(days=364),
            due_date=start + timedelta(days=424),
        )
        report = CentreReport.objects.create(
            period=period, centre=centre, due_date=period.due_date, narrative="Filled in."
        )
        IndicatorValue.objects.create(report=report, centre_indicator=startups, value=Decimal(7))
        return report

    run_table(
        machine=REPORT,
        make=make,
        personas=personas,
        steps={
            "edit": lambda r, a: services.report_save_draft(
                report_id=r.pk, actor=a, narrative="We supported 7 start-ups."
            ),
            "submit": lambda r, a: services.report_submit(report_id=r.pk, actor=a),
            "accept": lambda r, a: services.report_accept(
                report_id=r.pk, actor=a, comments="Thank you."
            ),
            "request_changes": lambda r, a: services.report_request_changes(
                report_id=r.pk, actor=a, comments="Explain the jump."
            ),
        },
    )


def test_lessons_learned_follow_their_table(centre, manager, personas):
    run_table(
        machine=LESSON,
        make=lambda: lesson(manager, centre=centre, publish=False),
        personas=personas,
        steps={
            "publish": lambda item, a: services.lesson_set_status(
                lesson_id=item.pk, actor=a, status="published"
            ),
            "withdraw": lambda item, a: services.lesson_set_status(
                lesson_id=item.pk, actor=a, status="withdrawn"
            ),
        },
    )
