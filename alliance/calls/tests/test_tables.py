"""Property-based tests of the calls transition tables (alliance.core.tests.statemachine).

A call's `close` is taken by the deadline command only (no rule, no persona): it has its
own tests in test_call_services and test_deadline_command; the runs below start from a
draft and from a closed call. `assign_reviewers` writes events about the new assignments,
not the call: test_review_services covers it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import settings

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.calls import services
from alliance.calls.models import ReviewAssignment, Score
from alliance.calls.states import (
    APPLICATION,
    ASSIGNMENT,
    CALL,
    ApplicationStatus,
    AssignmentStatus,
    CallStatus,
)
from alliance.core.tests.statemachine import SETTINGS, run_table

from .factories import ApplicationFactory, AssignmentFactory, CallFactory
from .test_review_services import full_scores, make_reviewer

pytestmark = pytest.mark.django_db

# Eight personas and up to nine actions: longer runs reach the decisions and the replies.
LONGER = settings(SETTINGS, max_examples=40, stateful_step_count=15)

CRITERIA = [
    {
        "title": {"en": "Relevance"},
        "description": {},
        "weight": 100,
    }
]
QUESTIONS = [{"kind": "short_text", "label": {"en": "Your ecosystem"}, "required": False}]


@pytest.fixture
def personas(ministry, ministry_focal_point, secretariat_officer, director, reviewer, stranger):
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
        "reviewer": reviewer,
        "other reviewer": make_reviewer("other.reviewer@itu.test"),
        "stranger": stranger,
    }


def _call_steps():
    return {
        "edit": lambda c, a: services.call_update(call_id=c.pk, actor=a, title={"en": "Renamed"}),
        "set_criteria": lambda c, a: services.call_set_criteria(
            call_id=c.pk, actor=a, criteria=CRITERIA
        ),
        "set_questions": lambda c, a: services.call_set_questions(
            call_id=c.pk, actor=a, questions=QUESTIONS
        ),
        "publish": lambda c, a: services.call_publish(call_id=c.pk, actor=a),
        "start_review": lambda c, a: services.call_start_review(call_id=c.pk, actor=a),
        "mark_decided": lambda c, a: services.call_mark_decided(call_id=c.pk, actor=a),
        "publish_results": lambda c, a: services.call_publish_results(call_id=c.pk, actor=a),
        "cancel": lambda c, a: services.call_cancel(call_id=c.pk, actor=a, reason="No budget."),
    }


@pytest.mark.parametrize(
    "start", [CallStatus.DRAFT, CallStatus.CLOSED, CallStatus.IN_REVIEW, CallStatus.DECIDED]
)
def test_calls_follow_their_table(personas, start):
    past = timezone.now() - timedelta(days=1)
    run_table(
        machine=CALL,
        make=lambda: CallFactory(
            status=start,
            created_by=personas["secretariat"],
            **({} if start == CallStatus.DRAFT else {"closes_at": past}),
        ),
        personas=personas,
        steps=_call_steps(),
        settings_=LONGER,
    )


def _application_steps():
    return {
        "edit": lambda x, a: services.application_save(
            application_id=x.pk, actor=a, host_institution="MICT"
        ),
        "submit": lambda x, a: services.application_submit(application_id=x.pk, actor=a),
        "withdraw": lambda x, a: services.application_withdraw(application_id=x.pk, actor=a),
        "screen_in": lambda x, a: services.application_screen(
            application_id=x.pk, actor=a, eligible=True
        ),
        "screen_out": lambda x, a: services.application_screen(
            application_id=x.pk, actor=a, eligible=False, reason="Outside the regions."
        ),
        "request_info": lambda x, a: services.application_request_info(
            application_id=x.pk, actor=a, message="The budget per year, please."
        ),
        "select": lambda x, a: services.application_decide(
            application_id=x.pk, actor=a, selected=True, rationale="Strong plan."
        ),
        "decline": lambda x, a: services.application_decide(
            application_id=x.pk, actor=a, selected=False, rationale="Not yet ready."
        ),
    }


def test_applications_to_an_open_call_follow_their_table(ministry, personas):
    run_table(
        machine=APPLICATION,
        make=lambda: ApplicationFactory(organisation=ministry),
        personas=personas,
        steps=_application_steps(),
        settings_=LONGER,
    )


@pytest.mark.parametrize("start", [ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW])
def test_applications_after_the_deadline_follow_their_table(ministry, personas, start):
    def make():
        call = CallFactory(
            status=CallStatus.IN_REVIEW, closes_at=timezone.now() - timedelta(days=1)
        )
        application = ApplicationFactory(call=call, organisation=ministry, status=start)
        # A submitted review, so that the Director may decide once it is in review.
        review = ReviewAssignment.objects.create(
            application=application,
            reviewer=personas["other reviewer"],
            status=AssignmentStatus.SUBMITTED,
            due_at=timezone.now(),
            submitted_at=timezone.now(),
        )
        Score.objects.bulk_create(
            Score(assignment=review, criterion=c, value=4) for c in call.criteria.all()
        )
        return application

    run_table(
        machine=APPLICATION,
        make=make,
        personas=personas,
        steps=_application_steps(),
        settings_=LONGER,
    )


def test_review_assignments_follow_their_table(personas):
    reviewer = personas["reviewer"]

    run_table(
        machine=ASSIGNMENT,
        make=lambda: AssignmentFactory(reviewer=reviewer),
        personas=personas,
        steps={
            "declare_no_conflict": lambda r, a: services.assignment_declare(
                assignment_id=r.pk, actor=a, has_conflict=False
            ),
            "recuse": lambda r, a: services.assignment_declare(
                assignment_id=r.pk, actor=a, has_conflict=True, note="I advise this ministry."
            ),
            "save": lambda r, a: services.review_save(
                assignment_id=r.pk,
                actor=a,
                scores=full_scores(r.application.call, 3),
                private_notes="Check the budget.",
            ),
            "submit": lambda r, a: services.review_save(
                assignment_id=r.pk,
                actor=a,
                scores=full_scores(r.application.call),
                shared_comment="Convincing.",
                submit=True,
            ),
            "remind": lambda r, a: services.assignment_remind(assignment_id=r.pk, actor=a),
        },
        settings_=LONGER,
    )
