"""Property-based tests of the joining transition tables (alliance.core.tests.statemachine)."""

import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres.models import CentreType
from alliance.core.tests.statemachine import run_table
from alliance.joining import services
from alliance.joining.states import ASSESSMENT, DECLARATION, EXPRESSION

from .factories import AssessmentFactory, ExpressionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(ministry, ministry_focal_point, secretariat_officer, director, lab_expert, stranger):
    signatory = UserFactory(email="sign@ministry.test")
    MembershipFactory(user=signatory, organisation=ministry, role=MembershipRole.SIGNATORY)
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    return {
        "focal point": ministry_focal_point,
        "signatory": signatory,
        "member": member,
        "secretariat": secretariat_officer,
        "director": director,
        "lab expert": lab_expert,
        "stranger": stranger,
    }


def test_expressions_of_interest_follow_their_table(ministry, personas):
    run_table(
        machine=EXPRESSION,
        make=lambda: ExpressionFactory(organisation=ministry),
        personas=personas,
        steps={
            "edit": lambda e, a: services.expression_update(
                expression_id=e.pk, actor=a, data={"motivation": "Updated."}
            ),
            "submit": lambda e, a: services.expression_submit(expression_id=e.pk, actor=a),
            "acknowledge": lambda e, a: services.expression_acknowledge(
                expression_id=e.pk, actor=a
            ),
            "decline": lambda e, a: services.expression_decline(
                expression_id=e.pk, actor=a, reason="Out of scope."
            ),
            "start_assessment": lambda e, a: services.assessment_start(expression_id=e.pk, actor=a),
        },
    )


def test_preliminary_assessments_follow_their_table(ministry, personas):
    run_table(
        machine=ASSESSMENT,
        make=lambda: AssessmentFactory(organisation=ministry, complete=True),
        personas=personas,
        steps={
            "edit": lambda pa, a: services.assessment_save_section(
                assessment_id=pa.pk, actor=a, section="financial", data={"years_secured": 2}
            ),
            "submit": lambda pa, a: services.assessment_submit(assessment_id=pa.pk, actor=a),
            "start_review": lambda pa, a: services.assessment_start_review(
                assessment_id=pa.pk, actor=a
            ),
            "complete": lambda pa, a: services.assessment_complete(
                assessment_id=pa.pk, actor=a, findings="A strong ecosystem."
            ),
        },
    )


def test_joint_declarations_follow_their_table(ministry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    centre_type = CentreType.objects.order_by("order").first()
    officer = personas["secretariat"]

    def make():
        assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
        from alliance.joining.models import JointDeclaration

        JointDeclaration.objects.filter(organisation=ministry).update(status="withdrawn")
        return services.declaration_draft(
            assessment_id=assessment.pk,
            actor=officer,
            centre_type=centre_type,
            scope=centre_type.scopes[0],
        )

    run_table(
        machine=DECLARATION,
        make=make,
        personas=personas,
        steps={
            "sign": lambda d, a: services.declaration_sign(
                declaration_id=d.pk, actor=a, signatory_name="Grace Banda"
            ),
            "countersign": lambda d, a: services.declaration_countersign(
                declaration_id=d.pk, actor=a
            ),
            "withdraw": lambda d, a: services.declaration_withdraw(
                declaration_id=d.pk, actor=a, reason="Superseded."
            ),
        },
    )
