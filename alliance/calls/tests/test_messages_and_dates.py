"""The messages of the calls app (notifications registry), its dates in the personal
calendar feed, what the API says a person may do next, and which rows are locked."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.accounts.tokens import token_create
from alliance.calls import services
from alliance.calls.states import ApplicationStatus, AssignmentStatus, CallStatus
from alliance.core.models import AuditEvent
from alliance.notifications.models import Notification
from alliance.notifications.selectors import calendar_entries

from .factories import ApplicationFactory, AssignmentFactory, CallFactory

pytestmark = pytest.mark.django_db


def _uids(user):
    return {e.uid for e in calendar_entries(user)}


def test_focal_points_and_signatories_see_the_deadlines_of_their_drafts(
    ministry, ministry_focal_point
):
    signatory = UserFactory()
    MembershipFactory(user=signatory, organisation=ministry, role=MembershipRole.SIGNATORY)
    member = UserFactory()
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    call = CallFactory(title={"en": "Regional centres 2027"})
    draft = ApplicationFactory(call=call, organisation=ministry)
    ApplicationFactory(organisation=ministry, status=ApplicationStatus.SUBMITTED)
    ApplicationFactory(call=call)  # another organisation's draft
    reply = ApplicationFactory(
        organisation=ministry,
        call=CallFactory(status=CallStatus.CLOSED, closes_at=timezone.now() - timedelta(days=1)),
        status=ApplicationStatus.MORE_INFO_REQUESTED,
        more_info_due_at=timezone.now() + timedelta(days=5),
    )
    expected = {f"application-{draft.pk}-deadline", f"application-{reply.pk}-reply"}
    assert _uids(ministry_focal_point) == expected
    assert _uids(signatory) == expected
    assert _uids(member) == set()
    [entry] = [e for e in calendar_entries(ministry_focal_point) if e.uid.endswith("deadline")]
    assert entry.start == call.closes_at
    assert "Regional centres 2027" in entry.summary
    assert entry.url.endswith(f"/calls/applications/{draft.pk}/")


def test_reviewers_see_the_due_dates_of_their_open_reviews(reviewer):
    due = AssignmentFactory(reviewer=reviewer)
    AssignmentFactory(reviewer=reviewer, status=AssignmentStatus.RECUSED)
    AssignmentFactory(reviewer=reviewer, status=AssignmentStatus.SUBMITTED)
    [entry] = calendar_entries(reviewer)
    assert entry.uid == f"review-{due.pk}-due"
    assert entry.start == due.due_at
    assert entry.url.endswith(f"/calls/reviews/{due.pk}/")


def test_publishing_results_tells_each_decided_applicant(
    director,
    ministry,
    ministry_focal_point,
    university,
    university_focal_point,
    django_capture_on_commit_callbacks,
):
    call = CallFactory(status=CallStatus.DECIDED, closes_at=timezone.now() - timedelta(days=9))
    chosen = ApplicationFactory(call=call, organisation=ministry, status="selected")
    ApplicationFactory(call=call, organisation=university, status="not_selected")
    ApplicationFactory(call=call, status="ineligible")
    with django_capture_on_commit_callbacks(execute=True):
        services.call_publish_results(call_id=call.pk, actor=director)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [ministry_focal_point.email, university_focal_point.email]
    )
    message = next(m for m in mail.outbox if m.to == [ministry_focal_point.email])
    assert "Results of the call" in message.subject
    assert f"/en/calls/applications/{chosen.pk}/" in message.body
    # Essential: an inbox item too, and no unsubscribe link.
    assert Notification.objects.filter(recipient=ministry_focal_point).count() == 1
    assert "List-Unsubscribe" not in message.extra_headers


def test_closing_a_call_is_a_platform_action_audited_once():
    call = CallFactory(closes_at=timezone.now() - timedelta(minutes=1))
    assert services.close_due_calls() == [call.pk]
    assert services.close_due_calls() == []
    event = AuditEvent.objects.get(verb="call.closed", object_id=str(call.pk))
    assert event.actor is None
    assert (event.before, event.after) == ("open", "closed")


def test_people_cannot_close_a_call_themselves(secretariat_officer):
    from alliance.core import kernel
    from alliance.core.states import TransitionRefused

    call = CallFactory(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(TransitionRefused) as refused:
        kernel.check(call, "close", secretariat_officer)
    assert refused.value.code == "forbidden"


def _bearer(user):
    _token, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_api_says_what_the_applicant_may_do_next(client, ministry, ministry_focal_point):
    member = UserFactory()
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    application = ApplicationFactory(organisation=ministry)
    url = f"/api/v1/my/applications/{application.pk}"
    data = client.get(url, **_bearer(ministry_focal_point)).json()
    assert data["actions"] == ["edit", "submit", "withdraw"]
    assert client.get(url, **_bearer(member)).json()["actions"] == []
    response = client.post(f"{url}/submit", **_bearer(ministry_focal_point))
    assert response.json()["actions"] == ["withdraw"]
    # Past the deadline a draft can no longer be changed or submitted, only withdrawn.
    late = ApplicationFactory(
        organisation=OrganisationFactory(),
        call=CallFactory(closes_at=timezone.now() - timedelta(minutes=1)),
    )
    MembershipFactory(
        user=ministry_focal_point, organisation=late.organisation, role=MembershipRole.FOCAL_POINT
    )
    late_url = f"/api/v1/my/applications/{late.pk}"
    assert client.get(late_url, **_bearer(ministry_focal_point)).json()["actions"] == ["withdraw"]


def test_the_api_says_what_the_reviewer_may_do_next(client, reviewer):
    assignment = AssignmentFactory(reviewer=reviewer)
    headers = _bearer(reviewer)
    [item] = client.get("/api/v1/my/reviews", **headers).json()["items"]
    assert item["actions"] == ["declare_no_conflict", "recuse"]
    response = client.post(
        f"/api/v1/my/reviews/{assignment.pk}/declaration",
        data={"has_conflict": False},
        content_type="application/json",
        **headers,
    )
    assert response.json()["actions"] == ["save", "submit"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks exist on PostgreSQL")
def test_submitting_locks_only_the_applications_row(ministry, ministry_focal_point):
    application = ApplicationFactory(organisation=ministry)
    with CaptureQueriesContext(connection) as queries:
        services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    locks = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    assert locks and all(sql.endswith('FOR UPDATE OF "calls_application"') for sql in locks)
