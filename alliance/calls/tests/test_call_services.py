from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliance.calls import services
from alliance.calls.models import Call
from alliance.calls.states import CallStatus
from alliance.centres.models import CentreType
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db


def _draft(secretariat_officer):
    return services.call_create(
        actor=secretariat_officer,
        reference="acc-2027",
        title={"en": "Call for regional centres 2027", "fr": "Appel à candidatures 2027"},
        summary={"en": "Host a regional centre."},
        text={"en": "Text."},
        scopes=["regional"],
        opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(days=30),
        centre_types=list(CentreType.objects.all()),
    )


CRITERIA = [
    {
        "title": {"en": "Relevance", "fr": "Pertinence"},
        "description": {},
        "weight": 60,
    },
    {
        "title": {"en": "Capacity", "fr": "Capacité"},
        "description": {},
        "weight": 40,
    },
]


def test_secretariat_drafts_sets_criteria_and_publishes(secretariat_officer):
    call = _draft(secretariat_officer)
    assert call.status == CallStatus.DRAFT
    services.call_set_criteria(call_id=call.pk, actor=secretariat_officer, criteria=CRITERIA)
    services.call_publish(call_id=call.pk, actor=secretariat_officer)
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN
    assert call.published_at is not None
    verbs = list(AuditEvent.objects.filter(object_id=str(call.pk)).values_list("verb", flat=True))
    assert {"call.created", "call.criteria_set", "call.published"} <= set(verbs)


def test_weights_must_add_up_to_100_and_nothing_changes(secretariat_officer):
    call = _draft(secretariat_officer)
    services.call_set_criteria(call_id=call.pk, actor=secretariat_officer, criteria=CRITERIA)
    bad = [dict(CRITERIA[0], weight=50), dict(CRITERIA[1], weight=30)]
    with pytest.raises(TransitionRefused) as refused:
        services.call_set_criteria(call_id=call.pk, actor=secretariat_officer, criteria=bad)
    assert refused.value.code == "weights"
    assert "add up to 100" in refused.value.reason and "80" in refused.value.reason
    assert sorted(call.criteria.values_list("weight", flat=True)) == [40, 60]


def test_publish_refused_without_criteria(secretariat_officer):
    call = _draft(secretariat_officer)
    with pytest.raises(TransitionRefused) as refused:
        services.call_publish(call_id=call.pk, actor=secretariat_officer)
    assert refused.value.code == "weights"
    assert Call.objects.get(pk=call.pk).status == CallStatus.DRAFT


def test_criteria_and_questions_frozen_once_open(secretariat_officer):
    call = CallFactory()
    with pytest.raises(TransitionRefused) as refused:
        services.call_set_criteria(call_id=call.pk, actor=secretariat_officer, criteria=CRITERIA)
    assert refused.value.code == "call_frozen"
    assert "frozen" in refused.value.reason
    assert sorted(call.criteria.values_list("weight", flat=True)) == [25, 35, 40]
    with pytest.raises(TransitionRefused):
        services.call_set_questions(call_id=call.pk, actor=secretariat_officer, questions=[])
    with pytest.raises(TransitionRefused):
        services.call_update(call_id=call.pk, actor=secretariat_officer, title={"en": "Changed"})
    assert Call.objects.get(pk=call.pk).title["en"] != "Changed"


def test_only_secretariat_drafts(director, reviewer, stranger):
    for actor in (director, reviewer, stranger):
        with pytest.raises(TransitionRefused) as refused:
            _draft(actor)
        assert refused.value.code == "forbidden"
    assert not Call.objects.exists()


def test_close_due_calls_is_idempotent():
    due = CallFactory(closes_at=timezone.now() - timedelta(seconds=1))
    not_due = CallFactory(closes_at=timezone.now() + timedelta(hours=1))
    call_command("close_due_calls")
    call_command("close_due_calls")
    due.refresh_from_db()
    not_due.refresh_from_db()
    assert due.status == CallStatus.CLOSED
    assert not_due.status == CallStatus.OPEN
    assert AuditEvent.objects.filter(verb="call.closed", object_id=str(due.pk)).count() == 1


def test_cancel_needs_a_reason(secretariat_officer):
    call = CallFactory()
    with pytest.raises(TransitionRefused):
        services.call_cancel(call_id=call.pk, actor=secretariat_officer, reason=" ")
    services.call_cancel(call_id=call.pk, actor=secretariat_officer, reason="Budget withdrawn")
    call.refresh_from_db()
    assert call.status == CallStatus.CANCELLED
    with pytest.raises(TransitionRefused):
        services.call_start_review(call_id=call.pk, actor=secretariat_officer)


def test_decided_refused_while_applications_wait(director):
    call = CallFactory(status=CallStatus.IN_REVIEW)
    ApplicationFactory(call=call, status="in_review")
    with pytest.raises(TransitionRefused) as refused:
        services.call_mark_decided(call_id=call.pk, actor=director)
    assert refused.value.code == "pending"
    assert Call.objects.get(pk=call.pk).status == CallStatus.IN_REVIEW


def test_transitions_in_order(secretariat_officer, director):
    call = CallFactory(status=CallStatus.CLOSED)
    with pytest.raises(TransitionRefused):
        services.call_publish_results(call_id=call.pk, actor=director)
    services.call_start_review(call_id=call.pk, actor=secretariat_officer)
    services.call_mark_decided(call_id=call.pk, actor=director)
    services.call_publish_results(call_id=call.pk, actor=director)
    call.refresh_from_db()
    assert call.status == CallStatus.RESULTS_PUBLISHED
    assert call.results_published_at is not None
