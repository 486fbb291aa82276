"""A property-based test for any transition table (hypothesis state machines).

    run_table(
        machine=EXPRESSION,
        make=lambda: ExpressionFactory(organisation=ministry),
        personas={"focal point": focal, "secretariat": officer, "stranger": stranger},
        steps={"submit": lambda obj, actor: services.expression_submit(expression_id=obj.pk, actor=actor), ...},
    )

Random sequences of actions by random personas: every refused step leaves the object and
its audit trail as they were; every step taken is one the table allows from the state it
started in, by a persona the policy lets take it, and writes exactly one audit event about
the object. The state never leaves the table's states."""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from alliance.core.kernel import Machine
from alliance.core.models import AuditEvent
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

SETTINGS = settings(
    max_examples=20,
    stateful_step_count=10,
    deadline=None,
    derandomize=True,  # the same sequences on every run: CI never flakes
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def run_table(
    *,
    machine: Machine,
    make: Callable,
    personas: dict,
    steps: dict[str, Callable],
    settings_=SETTINGS,
    expected_exceptions: tuple = (),
) -> None:
    unknown = set(steps) - set(machine.actions)
    assert not unknown, f"steps name actions the table lacks: {unknown}"
    names = sorted(steps)
    people = sorted(personas)

    class TableMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.obj = make()
            self.content_type = ContentType.objects.get_for_model(self.obj)

        def _events(self) -> int:
            return AuditEvent.objects.filter(
                content_type=self.content_type, object_id=str(self.obj.pk)
            ).count()

        @rule(action=st.sampled_from(names), who=st.sampled_from(people))
        def act(self, action, who):
            actor = personas[who]
            self.obj.refresh_from_db()
            before = str(getattr(self.obj, machine.field))
            permitted = can(actor, machine.actions[action].rule, self.obj)
            events = self._events()
            try:
                steps[action](self.obj, actor)
            except (TransitionRefused, *expected_exceptions):
                self.obj.refresh_from_db()
                assert str(getattr(self.obj, machine.field)) == before, f"{action} by {who}"
                assert self._events() == events, f"refused {action} by {who} left an event"
                return
            self.obj.refresh_from_db()
            after = str(getattr(self.obj, machine.field))
            step = machine.actions[action]
            assert before in step.source, f"{action} taken from {before}"
            assert after == (step.target or before), f"{action}: {before} -> {after}"
            assert permitted, f"{who} may not {action}, yet did"
            assert self._events() == events + 1, f"{action} wrote {self._events() - events} events"

        @invariant()
        def known_state(self):
            assert str(getattr(self.obj, machine.field)) in machine.states.values

    TableMachine.TestCase.settings = settings_
    run_state_machine_as_test(TableMachine, settings=settings_)
