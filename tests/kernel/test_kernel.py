"""The kernel: one way to change state (docs/kernel.md)."""

import pytest
from django.db import transaction

from alliance.accounts.models import Membership, Organisation
from alliance.core import kernel
from alliance.core.kernel import LockOrderError
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.joining import services
from alliance.joining.models import ExpressionOfInterest
from alliance.joining.tests.factories import ExpressionFactory

pytestmark = pytest.mark.django_db


def _events(obj):
    return AuditEvent.objects.filter(
        object_id=str(obj.pk), content_type__model=obj._meta.model_name
    )


def test_a_transition_writes_one_audit_event_and_announces_after_commit(
    ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    expression = ExpressionFactory(organisation=ministry)
    heard = []

    def listener(sender, event, **kwargs):
        heard.append(event)

    kernel.committed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
            assert heard == []  # nothing is announced before the commit
    finally:
        kernel.committed.disconnect(listener)
    events = list(_events(expression))
    assert [(e.verb, e.before, e.after) for e in events] == [
        ("expression.submitted", "draft", "submitted")
    ]
    assert events[0].actor == ministry_focal_point
    assert [(e.verb, e.pk, e.actor_id) for e in heard] == [
        ("expression.submitted", expression.pk, ministry_focal_point.pk)
    ]


def test_a_refused_transition_says_why_and_changes_nothing(ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    with pytest.raises(TransitionRefused) as refused:
        services.expression_update(
            expression_id=expression.pk, actor=ministry_focal_point, data={"motivation": "x"}
        )
    assert refused.value.code == "not_draft"
    assert "Only a draft can be changed" in refused.value.reason
    expression.refresh_from_db()
    assert expression.motivation != "x"
    assert not _events(expression).exists()


def test_the_policy_is_asked_before_the_state(ministry, stranger):
    """A stranger learns nothing about the state of someone else's expression."""
    expression = ExpressionFactory(organisation=ministry, status="declined")
    with pytest.raises(PermissionRefused) as refused:
        services.expression_submit(expression_id=expression.pk, actor=stranger)
    assert refused.value.code == "forbidden"
    assert "focal point" in refused.value.reason


def test_a_scheduled_job_acts_without_an_actor_but_people_cannot_take_platform_actions(
    ministry,
):
    expression = ExpressionFactory(organisation=ministry, status="submitted")
    machine = kernel.Machine.__new__(kernel.Machine)  # a table with a platform-only action
    machine.model, machine.states, machine.field = "joining.ExpressionOfInterest", None, "status"
    machine.actions = {"lapse": kernel.Action(["submitted"], "declined", "expression.lapsed")}
    with transaction.atomic():
        locked = kernel.lock(ExpressionOfInterest, expression.pk)
        kernel.transition(locked, "lapse", actor=None, machine=machine)
    assert _events(expression).get().actor is None
    expression.status = "submitted"
    with pytest.raises(TransitionRefused), transaction.atomic():
        kernel.check(expression, "lapse", actor=_member(ministry), machine=machine)


def _member(organisation):
    from alliance.accounts.tests.factories import MembershipFactory

    return MembershipFactory(organisation=organisation, role="focal_point").user


def test_rows_are_locked_in_the_global_order(ministry):
    membership = Membership.objects.create(
        user=_member_user(), organisation=ministry, role="member"
    )
    with transaction.atomic():
        kernel.lock(Organisation, ministry.pk)
        kernel.lock(Membership, membership.pk)  # parent then child: fine
    with pytest.raises(LockOrderError, match="locked after"), transaction.atomic():
        kernel.lock(Membership, membership.pk)
        kernel.lock(Organisation, ministry.pk)


def test_each_service_transaction_keeps_its_own_lock_order(ministry):
    membership = Membership.objects.create(
        user=_member_user(), organisation=ministry, role="member"
    )
    with transaction.atomic():
        kernel.lock(Membership, membership.pk)
    with transaction.atomic():  # a later transaction starts afresh
        kernel.lock(Organisation, ministry.pk)


def _member_user():
    from alliance.accounts.tests.factories import UserFactory

    return UserFactory()


def test_a_change_without_a_lock_is_refused_in_tests(ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry)
    with pytest.raises(LockOrderError, match="without a lock"), transaction.atomic():
        kernel.transition(expression, "submit", actor=ministry_focal_point)


def test_locks_are_taken_inside_a_transaction_only(ministry):
    from django.db.transaction import TransactionManagementError

    with pytest.raises(TransactionManagementError):
        kernel.lock(Organisation, ministry.pk)


def test_allowed_actions_come_from_the_table_and_the_policy(
    ministry, ministry_focal_point, secretariat_officer, stranger
):
    draft = ExpressionFactory(organisation=ministry)
    submitted = ExpressionFactory(organisation=ministry, status="submitted")
    assert kernel.allowed_actions(draft, ministry_focal_point) == {"edit", "submit"}
    assert kernel.allowed_actions(submitted, ministry_focal_point) == set()
    assert kernel.allowed_actions(submitted, secretariat_officer) == {"acknowledge", "decline"}
    assert kernel.allowed_actions(draft, stranger) == set()


def test_an_unknown_action_or_rule_is_a_programming_error(ministry, ministry_focal_point):
    from alliance.core.policy import can

    with pytest.raises(KeyError):
        kernel.check(ExpressionFactory(organisation=ministry), "fly", ministry_focal_point)
    with pytest.raises(LookupError):
        can(ministry_focal_point, "joining.nothing.like.this")


def test_every_table_names_known_states_and_rules():
    from alliance.core.kernel.machines import MACHINES
    from alliance.core.policy import RULES

    assert MACHINES, "the apps declare their tables in states.py"
    for machine in MACHINES.values():
        for name, action in machine.actions.items():
            assert action.rule is None or action.rule in RULES, f"{machine.model}.{name}"
