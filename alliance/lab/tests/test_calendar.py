"""The Lab's dates in people's calendar feeds: an expert's plan milestones, a host's
project milestones and deliverables."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.lab import services
from alliance.notifications.calendar import feed_for
from alliance.notifications.selectors import calendar_entries

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def lab_uids(user):
    return sorted(e.uid for e in calendar_entries(user) if e.uid.startswith("lab-"))


@pytest.fixture
def assigned(ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry, status="triaged")
    services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    services.request_plan_propose(
        request_id=tar.pk,
        actor=lab_expert,
        plan="Two workshops.",
        milestones=[("Workshop", date(2026, 1, 15)), ("Review", date(2026, 2, 15))],
    )
    return tar


def test_an_expert_sees_the_open_milestones_of_the_requests_assigned_to_them(
    assigned, lab_expert, ministry_focal_point, secretariat_officer
):
    workshop, review = assigned.milestones.order_by("due_date")
    assert lab_uids(lab_expert) == sorted(
        [f"lab-plan-milestone-{workshop.pk}", f"lab-plan-milestone-{review.pk}"]
    )
    assert lab_uids(secretariat_officer) == []
    services.request_plan_agree(request_id=assigned.pk, actor=ministry_focal_point)
    services.milestone_mark_done(milestone_id=workshop.pk, actor=lab_expert)
    assert lab_uids(lab_expert) == [f"lab-plan-milestone-{review.pk}"]
    feed = feed_for(lab_expert).decode().replace("\r\n ", "")  # unfolded (RFC 5545)
    assert f"Review ({assigned.organisation})" in feed
    assert "DTSTART;VALUE=DATE:20260215" in feed


def test_finished_requests_leave_the_experts_calendar(assigned, lab_expert):
    services.request_decline(request_id=assigned.pk, actor=lab_expert, reason="Withdrawn.")
    assert lab_uids(lab_expert) == []


@pytest.fixture
def project(ministry, lab_expert):
    agreement = services.agreement_create(
        actor=lab_expert,
        host_organisation=ministry,
        title="Support to the ministry",
        parties="BDT; the ministry",
        scope="Design support.",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
        document=SimpleUploadedFile("a.pdf", b"%PDF-1.4", content_type="application/pdf"),
    )
    services.agreement_set_status(agreement_id=agreement.pk, actor=lab_expert, status="signed")
    return services.project_create(
        actor=lab_expert,
        agreement=agreement,
        title="Sandbox",
        description="",
        budget_usd=1000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )


def test_the_hosts_members_see_their_projects_dates_until_the_project_closes(
    project, ministry, ministry_focal_point, lab_expert, stranger, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    milestone = services.project_milestone_add(
        project_id=project.pk, actor=lab_expert, title="Launch", due_date=date(2025, 3, 1)
    )
    deliverable = services.deliverable_add(
        project_id=project.pk, actor=lab_expert, title="Report", due_date=date(2025, 11, 1)
    )
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    expected = sorted(
        [f"lab-project-milestone-{milestone.pk}", f"lab-deliverable-{deliverable.pk}"]
    )
    assert lab_uids(ministry_focal_point) == expected
    assert lab_uids(member) == expected
    assert lab_uids(stranger) == []
    assert lab_uids(lab_expert) == []
    services.project_milestone_done(milestone_id=milestone.pk, actor=lab_expert)
    assert lab_uids(ministry_focal_point) == [f"lab-deliverable-{deliverable.pk}"]
    services.project_set_status(project_id=project.pk, actor=lab_expert, status="cancelled")
    assert lab_uids(ministry_focal_point) == []
