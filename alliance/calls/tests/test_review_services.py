from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.accounts.roles import StaffRole
from alliance.accounts.tests.factories import UserFactory
from alliance.calls import services
from alliance.calls.models import ReviewAssignment
from alliance.calls.states import ApplicationStatus, AssignmentStatus, CallStatus
from alliance.core.states import TransitionRefused

from .factories import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db


def make_reviewer(email):
    from django.contrib.auth.models import Group

    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=StaffRole.REVIEWER))
    return user


@pytest.fixture
def call():
    return CallFactory(status=CallStatus.IN_REVIEW, closes_at=timezone.now() - timedelta(days=3))


@pytest.fixture
def application(call, ministry):
    return ApplicationFactory(call=call, organisation=ministry, status=ApplicationStatus.IN_REVIEW)


def due():
    return timezone.now() + timedelta(days=14)


def full_scores(call, value=4):
    return {c.pk: (value, "ok") for c in call.criteria.all()}


def test_assign_once_only(secretariat_officer, reviewer, application):
    services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=due(), actor=secretariat_officer
    )
    with pytest.raises(TransitionRefused) as refused:
        services.assignment_create(
            application_id=application.pk,
            reviewer=reviewer,
            due_at=due(),
            actor=secretariat_officer,
        )
    assert refused.value.code == "already_assigned"
    assert ReviewAssignment.objects.count() == 1


def test_only_reviewers_can_be_assigned(secretariat_officer, stranger, application):
    with pytest.raises(TransitionRefused):
        services.assignment_create(
            application_id=application.pk,
            reviewer=stranger,
            due_at=due(),
            actor=secretariat_officer,
        )


def test_conflict_recuses_and_hides_the_application(
    client, secretariat_officer, reviewer, application
):
    assignment = services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=due(), actor=secretariat_officer
    )
    client.force_login(reviewer)
    url = reverse("calls:review", args=[assignment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"has_conflict": "yes", "note": "I advise this ministry."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.RECUSED
    assert client.get(url).status_code == 404
    assert (
        application.organisation.name
        not in client.get(reverse("calls:review_queue")).content.decode()
    )
    with pytest.raises(TransitionRefused):
        services.review_save(
            assignment_id=assignment.pk,
            actor=reviewer,
            scores=full_scores(application.call),
            submit=True,
        )


def test_scores_must_be_declared_first_then_within_scale(
    secretariat_officer, reviewer, application
):
    assignment = services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=due(), actor=secretariat_officer
    )
    with pytest.raises(TransitionRefused):
        services.review_save(
            assignment_id=assignment.pk, actor=reviewer, scores=full_scores(application.call)
        )
    services.assignment_declare(assignment_id=assignment.pk, actor=reviewer, has_conflict=False)
    with pytest.raises(TransitionRefused) as refused:
        services.review_save(
            assignment_id=assignment.pk, actor=reviewer, scores=full_scores(application.call, 7)
        )
    assert refused.value.code == "out_of_scale"
    assert not assignment.scores.exists()


def test_draft_then_submit_then_no_second_review(secretariat_officer, reviewer, application):
    call = application.call
    assignment = services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=due(), actor=secretariat_officer
    )
    services.assignment_declare(assignment_id=assignment.pk, actor=reviewer, has_conflict=False)
    first = call.criteria.first()
    services.review_save(
        assignment_id=assignment.pk,
        actor=reviewer,
        scores={first.pk: (3, "")},
        private_notes="mine",
    )
    with pytest.raises(TransitionRefused) as refused:
        services.review_save(
            assignment_id=assignment.pk, actor=reviewer, scores={first.pk: (3, "")}, submit=True
        )
    assert refused.value.code == "incomplete"
    services.review_save(
        assignment_id=assignment.pk,
        actor=reviewer,
        scores=full_scores(call),
        shared_comment="Good",
        submit=True,
    )
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED
    with pytest.raises(TransitionRefused) as refused:
        services.review_save(
            assignment_id=assignment.pk, actor=reviewer, scores=full_scores(call, 1), submit=True
        )
    assert refused.value.code == "already_submitted"
    assert set(assignment.scores.values_list("value", flat=True)) == {4}


def test_another_reviewer_cannot_touch_my_review(
    secretariat_officer, reviewer, application, client
):
    other = make_reviewer("other@itu.test")
    assignment = services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=due(), actor=secretariat_officer
    )
    with pytest.raises(TransitionRefused):
        services.assignment_declare(assignment_id=assignment.pk, actor=other, has_conflict=False)
    client.force_login(other)
    assert client.get(reverse("calls:review", args=[assignment.pk])).status_code == 404


def test_bulk_assignment_reaches_the_target_and_balances_load(secretariat_officer, call):
    reviewers = [make_reviewer(f"r{i}@itu.test") for i in range(3)]
    apps = [ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW) for _ in range(3)]
    ApplicationFactory(call=call, status=ApplicationStatus.INELIGIBLE)
    n = services.assignments_bulk_create(
        call_id=call.pk, reviewers=reviewers, due_at=due(), actor=secretariat_officer
    )
    assert n == 6  # 3 applications × target 2
    for a in apps:
        assert a.assignments.count() == 2
    loads = sorted(ReviewAssignment.objects.filter(reviewer=r).count() for r in reviewers)
    assert loads == [2, 2, 2]
    # Twice is harmless: everybody already has their target.
    assert (
        services.assignments_bulk_create(
            call_id=call.pk, reviewers=reviewers, due_at=due(), actor=secretariat_officer
        )
        == 0
    )


def test_decision_needs_a_review_and_a_justification_to_depart_from_the_ranking(
    secretariat_officer, director, call
):
    reviewer = make_reviewer("r@itu.test")
    strong = ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW)
    weak = ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW)
    unreviewed = ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW)
    for application, value in ((strong, 5), (weak, 1)):
        a = services.assignment_create(
            application_id=application.pk,
            reviewer=reviewer,
            due_at=due(),
            actor=secretariat_officer,
        )
        services.assignment_declare(assignment_id=a.pk, actor=reviewer, has_conflict=False)
        services.review_save(
            assignment_id=a.pk, actor=reviewer, scores=full_scores(call, value), submit=True
        )

    with pytest.raises(TransitionRefused) as refused:
        services.application_decide(
            application_id=unreviewed.pk, actor=director, selected=True, rationale="r"
        )
    assert refused.value.code == "not_reviewed"

    services.application_decide(
        application_id=strong.pk, actor=director, selected=False, rationale="Host withdrew support"
    )
    with pytest.raises(TransitionRefused) as refused:
        services.application_decide(
            application_id=weak.pk, actor=director, selected=True, rationale="Fine"
        )
    assert refused.value.code == "justification"
    weak.refresh_from_db()
    assert weak.status == ApplicationStatus.IN_REVIEW
    services.application_decide(
        application_id=weak.pk,
        actor=director,
        selected=True,
        rationale="Fine",
        justification="Regional balance",
    )
    weak.refresh_from_db()
    assert weak.status == ApplicationStatus.SELECTED
    assert weak.departure_justification == "Regional balance"

    # The selected application becomes a centre in design; the declined one does not.
    from alliance.centres.models import Centre

    centre = Centre.objects.get(host_organisation=weak.organisation)
    assert centre.status == "in_design"
    assert not Centre.objects.filter(host_organisation=strong.organisation).exists()


def test_secretariat_cannot_decide(secretariat_officer, application):
    with pytest.raises(TransitionRefused) as refused:
        services.application_decide(
            application_id=application.pk, actor=secretariat_officer, selected=True, rationale="x"
        )
    assert refused.value.code == "forbidden"


def test_remind_a_late_reviewer(
    secretariat_officer, reviewer, application, django_capture_on_commit_callbacks
):
    from django.core import mail

    assignment = services.assignment_create(
        application_id=application.pk,
        reviewer=reviewer,
        due_at=timezone.now() - timedelta(days=1),
        actor=secretariat_officer,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assignment_remind(assignment_id=assignment.pk, actor=secretariat_officer)
    assert mail.outbox[0].to == [reviewer.email]
    assert "Reminder" in mail.outbox[0].subject
