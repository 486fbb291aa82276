from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.lab import services
from alliance.lab.models import TechnicalAssistanceRequest
from alliance.lab.states import RequestStatus

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def pdf(name="report.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


@pytest.fixture
def assigned(ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry)
    services.request_triage(request_id=tar.pk, actor=lab_expert)
    services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    return tar


def propose(tar, expert):
    return services.request_plan_propose(
        request_id=tar.pk,
        actor=expert,
        plan="Two workshops and a written review.",
        milestones=[("Workshop", date(2026, 1, 15)), ("Review", date(2026, 2, 15))],
    )


def test_full_journey_plan_agree_deliver_close(assigned, lab_expert, ministry_focal_point):
    propose(assigned, lab_expert)
    services.request_plan_agree(request_id=assigned.pk, actor=ministry_focal_point)
    services.request_deliver(
        request_id=assigned.pk,
        actor=lab_expert,
        note="Review attached.",
        documents=[("Review", pdf())],
    )
    services.request_close(
        request_id=assigned.pk, actor=ministry_focal_point, satisfaction=5, comment="Very useful."
    )
    tar = TechnicalAssistanceRequest.objects.get()
    assert tar.status == RequestStatus.CLOSED
    assert tar.satisfaction == 5
    assert tar.documents.count() == 1
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "assistance_request.plan_proposed",
        "assistance_request.plan_agreed",
        "assistance_request.delivered",
        "assistance_request.closed",
    } <= verbs


def test_agreeing_without_a_plan_is_refused(assigned, ministry_focal_point):
    with pytest.raises(TransitionRefused) as refused:
        services.request_plan_agree(request_id=assigned.pk, actor=ministry_focal_point)
    assert refused.value.code == "no_plan"
    assert TechnicalAssistanceRequest.objects.get().status == RequestStatus.ASSIGNED


def test_only_the_assigned_expert_plans_and_only_the_requester_agrees(
    assigned, lab_expert, ministry_focal_point, stranger
):
    other_expert = UserFactory()
    from django.contrib.auth.models import Group

    other_expert.groups.add(Group.objects.get(name="lab_expert"))
    with pytest.raises(TransitionRefused):
        propose(assigned, other_expert)
    propose(assigned, lab_expert)
    with pytest.raises(TransitionRefused):
        services.request_plan_agree(request_id=assigned.pk, actor=stranger)
    assert TechnicalAssistanceRequest.objects.get().status == RequestStatus.ASSIGNED


def test_delivery_needs_a_document_and_close_needs_a_rating(
    assigned, lab_expert, ministry_focal_point
):
    propose(assigned, lab_expert)
    services.request_plan_agree(request_id=assigned.pk, actor=ministry_focal_point)
    with pytest.raises(TransitionRefused) as refused:
        services.request_deliver(request_id=assigned.pk, actor=lab_expert, note="", documents=[])
    assert refused.value.code == "no_document"
    services.request_deliver(
        request_id=assigned.pk, actor=lab_expert, note="", documents=[("R", pdf())]
    )
    with pytest.raises(TransitionRefused) as refused:
        services.request_close(request_id=assigned.pk, actor=ministry_focal_point, satisfaction=9)
    assert refused.value.code == "rating_range"
    assert TechnicalAssistanceRequest.objects.get().status == RequestStatus.DELIVERED


def test_any_member_can_request(client, ministry):
    member = UserFactory()
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    client.force_login(member)
    client.post(
        reverse("lab:request_create", args=[ministry.pk]),
        {
            "kind": "capacity_building",
            "description": "Train our staff.",
            "urgency": "low",
            "preferred_language": "fr",
        },
    )
    assert TechnicalAssistanceRequest.objects.get().kind == "capacity_building"


def test_pages_for_plan_delivery_and_rating(client, assigned, lab_expert, ministry_focal_point):
    client.force_login(lab_expert)
    url = reverse("lab:request_detail", args=[assigned.pk])
    bad = client.post(
        reverse("lab:request_plan", args=[assigned.pk]),
        {"plan": "Plan", "milestones": "next week: workshop"},
    )
    assert bad.status_code == 400 and "does not start with a date" in bad.content.decode()
    client.post(
        reverse("lab:request_plan", args=[assigned.pk]),
        {"plan": "Plan", "milestones": "2026-01-15 Workshop\n2026-02-01 Review"},
    )
    client.force_login(ministry_focal_point)
    assert "We agree the plan" in client.get(url).content.decode()
    client.post(reverse("lab:request_agree", args=[assigned.pk]))
    client.force_login(lab_expert)
    exe = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    refused = client.post(
        reverse("lab:request_deliver", args=[assigned.pk]),
        {"note": "n", "title": "T", "document": exe},
    )
    assert refused.status_code == 400
    assert TechnicalAssistanceRequest.objects.get().status == RequestStatus.IN_PROGRESS
    client.post(
        reverse("lab:request_deliver", args=[assigned.pk]),
        {"note": "n", "title": "Review", "document": pdf()},
    )
    client.force_login(ministry_focal_point)
    doc = TechnicalAssistanceRequest.objects.get().documents.get()
    assert client.get(reverse("lab:document", args=[assigned.pk, doc.pk])).status_code == 200
    client.post(
        reverse("lab:request_close", args=[assigned.pk]), {"satisfaction": "4", "comment": "Good"}
    )
    assert TechnicalAssistanceRequest.objects.get().satisfaction == 4


def test_expert_queue_and_workload_pages(
    client, assigned, lab_expert, django_assert_max_num_queries
):
    client.force_login(lab_expert)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("lab:my_assignments")).content.decode()
    assert str(assigned.organisation) in page
    with django_assert_max_num_queries(15):
        page = client.get(reverse("lab:workload")).content.decode()
    assert "Lina Haddad" in page


def test_suggested_experts_shown_when_assigning(client, ministry, lab_expert):
    from alliance.board.models import ExpertArea
    from alliance.board.tests.factories import ExpertFactory

    policy = ExpertFactory(full_name="Policy Person", areas=[ExpertArea.objects.get(code="POLICY")])
    ExpertFactory(
        full_name="Growth Person", areas=[ExpertArea.objects.get(code="ENTREPRENEURSHIP")]
    )
    tar = AssistanceRequestFactory(organisation=ministry, kind="sandbox")
    services.request_triage(request_id=tar.pk, actor=lab_expert)
    client.force_login(lab_expert)
    page = client.get(reverse("lab:request_detail", args=[tar.pk])).content.decode()
    assert policy.full_name in page
    assert "Growth Person" not in page
