"""Property-based tests of the Lab's transition tables (alliance.core.tests.statemachine)."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.tests.statemachine import run_table
from alliance.lab import services
from alliance.lab.models import Deliverable, PlanMilestone, ProjectMilestone
from alliance.lab.states import AGREEMENT, PROJECT, REQUEST

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

# More milestones and deliverables than a run takes steps, so "mark done" and "deliver"
# always find one still open.
ITEMS = 12


def pdf(name="document.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def personas(ministry, ministry_focal_point, secretariat_officer, director, lab_expert, stranger):
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    other_expert = UserFactory(email="other-expert@itu.test")
    other_expert.groups.add(Group.objects.get(name="lab_expert"))
    return {
        "focal point": ministry_focal_point,
        "member": member,
        "assigned expert": lab_expert,
        "other expert": other_expert,
        "secretariat": secretariat_officer,
        "director": director,
        "stranger": stranger,
    }


def _plan(tar, actor):
    return services.request_plan_propose(
        request_id=tar.pk,
        actor=actor,
        plan="Two workshops and a written review.",
        milestones=[(f"Step {n}", date(2026, 1, 1) + timedelta(days=n)) for n in range(ITEMS)],
    )


def test_technical_assistance_requests_follow_their_table(ministry, personas):
    expert = personas["assigned expert"]

    def make():
        tar = AssistanceRequestFactory(organisation=ministry)
        # Milestones from the start, so that "mark done" has one to ask about in any state.
        PlanMilestone.objects.bulk_create(
            [PlanMilestone(request=tar, title=f"M{n}", due_date=date(2026, 1, 1)) for n in range(3)]
        )
        return tar

    def mark_done(tar, actor):
        milestone = tar.milestones.filter(done_at__isnull=True).first()
        services.milestone_mark_done(milestone_id=milestone.pk, actor=actor)

    run_table(
        machine=REQUEST,
        make=make,
        personas=personas,
        steps={
            "triage": lambda t, a: services.request_triage(request_id=t.pk, actor=a, note="Ok."),
            "assign": lambda t, a: services.request_assign(
                request_id=t.pk, actor=a, assignee=expert
            ),
            "decline": lambda t, a: services.request_decline(
                request_id=t.pk, actor=a, reason="Out of scope."
            ),
            "propose_plan": _plan,
            "agree_plan": lambda t, a: services.request_plan_agree(request_id=t.pk, actor=a),
            "mark_milestone_done": mark_done,
            "deliver": lambda t, a: services.request_deliver(
                request_id=t.pk, actor=a, note="Attached.", documents=[("Review", pdf())]
            ),
            "close": lambda t, a: services.request_close(request_id=t.pk, actor=a, satisfaction=4),
        },
    )


@pytest.fixture
def agreement_personas(personas):
    return {k: v for k, v in personas.items() if k != "other expert"}


def _agreement(ministry, actor):
    return services.agreement_create(
        actor=actor,
        host_organisation=ministry,
        title="Support to the ministry",
        parties="BDT; the ministry",
        scope="Design and monitoring support.",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
    )


def test_cooperation_agreements_follow_their_table(ministry, agreement_personas):
    lab = agreement_personas["assigned expert"]
    run_table(
        machine=AGREEMENT,
        make=lambda: _agreement(ministry, lab),
        personas=agreement_personas,
        steps={
            "edit": lambda ag, a: services.agreement_update(
                agreement_id=ag.pk,
                actor=a,
                title="Support to the ministry (amended)",
                parties="BDT; the ministry",
                scope="Training too.",
                start_date=date(2025, 1, 1),
                end_date=date(2028, 6, 30),
            ),
            "sign": lambda ag, a: services.agreement_set_status(
                agreement_id=ag.pk, actor=a, status="signed", document=pdf("signed.pdf")
            ),
            "activate": lambda ag, a: services.agreement_set_status(
                agreement_id=ag.pk, actor=a, status="active"
            ),
            "end": lambda ag, a: services.agreement_set_status(
                agreement_id=ag.pk, actor=a, status="ended"
            ),
        },
    )


def test_projects_follow_their_table(ministry, agreement_personas):
    lab = agreement_personas["assigned expert"]
    agreement = _agreement(ministry, lab)
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab, status="signed", document=pdf("signed.pdf")
    )

    def make():
        project = services.project_create(
            actor=lab,
            agreement=agreement,
            title="Sandbox",
            description="",
            budget_usd=1000,
            start_date=date(2025, 2, 1),
            end_date=date(2025, 12, 31),
        )
        due = date(2025, 6, 1)
        ProjectMilestone.objects.bulk_create(
            [ProjectMilestone(project=project, title=f"M{n}", due_date=due) for n in range(ITEMS)]
        )
        Deliverable.objects.bulk_create(
            [Deliverable(project=project, title=f"D{n}", due_date=due) for n in range(ITEMS)]
        )
        return project

    def mark_done(project, actor):
        milestone = project.milestones.filter(done_at__isnull=True).first()
        services.project_milestone_done(milestone_id=milestone.pk, actor=actor)

    def deliver(project, actor):
        deliverable = project.deliverables.filter(delivered_at__isnull=True).first()
        services.deliverable_deliver(deliverable_id=deliverable.pk, actor=actor, document=pdf())

    run_table(
        machine=PROJECT,
        make=make,
        personas=agreement_personas,
        steps={
            "edit": lambda p, a: services.project_update(
                project_id=p.pk,
                actor=a,
                title="Sandbox, phase 1",
                description="A regulatory sandbox.",
                budget_usd=2000,
                start_date=date(2025, 2, 1),
                end_date=date(2026, 1, 31),
            ),
            "add_milestone": lambda p, a: services.project_milestone_add(
                project_id=p.pk, actor=a, title="Launch", due_date=date(2025, 3, 1)
            ),
            "mark_milestone_done": mark_done,
            "add_deliverable": lambda p, a: services.deliverable_add(
                project_id=p.pk, actor=a, title="Report", due_date=date(2025, 9, 1)
            ),
            "deliver": deliver,
            "start": lambda p, a: services.project_set_status(
                project_id=p.pk, actor=a, status="active"
            ),
            "complete": lambda p, a: services.project_set_status(
                project_id=p.pk, actor=a, status="completed"
            ),
            "cancel": lambda p, a: services.project_set_status(
                project_id=p.pk, actor=a, status="cancelled"
            ),
        },
    )
