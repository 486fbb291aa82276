"""Writes on calls: draft, criteria and questions, publish, close, review, decide, publish."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import Call, Criterion, Question, QuestionKind
from ..states import (
    APPLICATION_UNDECIDED,
    CALL_ALLOWED,
    CALL_EDITABLE,
    ApplicationStatus,
    CallStatus,
)
from ..timefmt import format_deadline
from ._common import require_perm

CALL_FIELDS = [
    "reference",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "text_en",
    "text_fr",
    "required_documents_en",
    "required_documents_fr",
    "scopes",
    "who_may_apply",
    "opens_at",
    "closes_at",
    "target_reviews",
]


def _snapshot(call: Call) -> dict:
    return {f: str(getattr(call, f)) for f in CALL_FIELDS} | {"status": call.status}


def _require_editable(call: Call) -> None:
    if call.status not in CALL_EDITABLE:
        raise TransitionRefused(
            _(
                "This call is %(status)s: its text, criteria, weights and questions are frozen "
                "once it is published."
            )
            % {"status": call.get_status_display().lower()},
            code="call_frozen",
        )


def _set_relations(call, centre_types, regions):
    if centre_types is not None:
        call.centre_types.set(centre_types)
    if regions is not None:
        call.regions.set(regions)


@transaction.atomic
def call_create(*, actor, centre_types=None, regions=None, **fields) -> Call:
    require_perm(actor, "calls.manage_call")
    call = Call(created_by=actor, status=CallStatus.DRAFT, **fields)
    call.full_clean()
    call.save()
    _set_relations(call, centre_types, regions)
    record_event(actor=actor, verb="call.created", obj=call, after=_snapshot(call))
    return call


@transaction.atomic
def call_update(*, call_id: int, actor, centre_types=None, regions=None, **fields) -> Call:
    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    _require_editable(call)
    before = _snapshot(call)
    for name, value in fields.items():
        setattr(call, name, value)
    call.full_clean()
    call.save(update_fields=list(fields))
    _set_relations(call, centre_types, regions)
    record_event(actor=actor, verb="call.updated", obj=call, before=before, after=_snapshot(call))
    return call


def weights_problem(weights: list[int]) -> str | None:
    total = sum(weights)
    if not weights:
        return _("Add at least one evaluation criterion.")
    if total != 100:
        return _("The weights of the criteria must add up to 100; they add up to %(total)d.") % {
            "total": total
        }
    return None


@transaction.atomic
def call_set_criteria(*, call_id: int, actor, criteria: list[dict]) -> Call:
    """Replace the criteria; each dict has title_en, title_fr, description_en/fr, weight."""
    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    _require_editable(call)
    problem = weights_problem([c["weight"] for c in criteria])
    if problem:
        raise TransitionRefused(problem, code="weights")
    before = list(call.criteria.values("title_en", "weight"))
    call.criteria.all().delete()
    Criterion.objects.bulk_create(
        [Criterion(call=call, order=i, **c) for i, c in enumerate(criteria, start=1)]
    )
    record_event(
        actor=actor,
        verb="call.criteria_set",
        obj=call,
        before=before,
        after=[{"title_en": c["title_en"], "weight": c["weight"]} for c in criteria],
    )
    return call


@transaction.atomic
def call_set_questions(*, call_id: int, actor, questions: list[dict]) -> Call:
    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    _require_editable(call)
    for q in questions:
        if (
            q["kind"] in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE)
            and not q.get("choices_en", "").strip()
        ):
            raise TransitionRefused(
                _("The question “%(label)s” needs at least one choice.") % {"label": q["label_en"]},
                code="choices",
            )
    before = list(call.questions.values("label_en", "kind"))
    call.questions.all().delete()
    Question.objects.bulk_create(
        [Question(call=call, order=i, **q) for i, q in enumerate(questions, start=1)]
    )
    record_event(
        actor=actor,
        verb="call.questions_set",
        obj=call,
        before=before,
        after=[{"label_en": q["label_en"], "kind": q["kind"]} for q in questions],
    )
    return call


def _transition(call: Call, target: str, actor, verb: str, **changes) -> Call:
    require_transition(call, target, CALL_ALLOWED)
    before = call.status
    call.status = target
    for name, value in changes.items():
        setattr(call, name, value)
    call.save(update_fields=["status", *changes])
    record_event(actor=actor, verb=verb, obj=call, before=before, after=target)
    return call


@transaction.atomic
def call_publish(*, call_id: int, actor) -> Call:
    """draft -> open: the call becomes public and freezes."""
    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    require_transition(call, CallStatus.OPEN, CALL_ALLOWED)
    problem = weights_problem(list(call.criteria.values_list("weight", flat=True)))
    if problem:
        raise TransitionRefused(problem, code="weights")
    if not call.centre_types.exists() or not call.scopes:
        raise TransitionRefused(
            _("Choose at least one eligible centre type and one scope."), code="eligibility"
        )
    if call.closes_at <= timezone.now():
        raise TransitionRefused(
            _("The deadline (%(deadline)s) has already passed.")
            % {"deadline": format_deadline(call.closes_at)},
            code="deadline",
        )
    return _transition(call, CallStatus.OPEN, actor, "call.published", published_at=timezone.now())


def close_due_calls(*, now=None) -> list[int]:
    """Close every open call past its deadline. Each call is claimed by a conditional UPDATE,
    so two runs at once (or twice in a row) close it once and write one audit event."""
    now = now or timezone.now()
    closed = []
    due = Call.objects.filter(status=CallStatus.OPEN, closes_at__lte=now).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            claimed = Call.objects.filter(pk=pk, status=CallStatus.OPEN, closes_at__lte=now).update(
                status=CallStatus.CLOSED, closed_at=now
            )
            if claimed:
                call = Call.objects.get(pk=pk)
                record_event(
                    actor=None,
                    verb="call.closed",
                    obj=call,
                    before=CallStatus.OPEN,
                    after=CallStatus.CLOSED,
                )
                closed.append(pk)
    return closed


@transaction.atomic
def call_start_review(*, call_id: int, actor) -> Call:
    require_perm(actor, "calls.manage_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    return _transition(call, CallStatus.IN_REVIEW, actor, "call.review_started")


@transaction.atomic
def call_cancel(*, call_id: int, actor, reason: str) -> Call:
    require_perm(actor, "calls.manage_call")
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for cancelling the call."), code="reason")
    call = Call.objects.select_for_update().get(pk=call_id)
    return _transition(call, CallStatus.CANCELLED, actor, "call.cancelled", cancel_reason=reason)


@transaction.atomic
def call_mark_decided(*, call_id: int, actor) -> Call:
    require_perm(actor, "calls.decide_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    require_transition(call, CallStatus.DECIDED, CALL_ALLOWED)
    pending = call.applications.filter(status__in=APPLICATION_UNDECIDED).count()
    if pending:
        raise TransitionRefused(
            _("%(n)d application(s) still wait for screening, information or a decision.")
            % {"n": pending},
            code="pending",
        )
    return _transition(call, CallStatus.DECIDED, actor, "call.decided")


@transaction.atomic
def call_publish_results(*, call_id: int, actor) -> Call:
    from ..tasks import email_applicants

    require_perm(actor, "calls.decide_call")
    call = Call.objects.select_for_update().get(pk=call_id)
    _transition(
        call,
        CallStatus.RESULTS_PUBLISHED,
        actor,
        "call.results_published",
        results_published_at=timezone.now(),
    )
    decided = list(
        call.applications.filter(
            Q(status=ApplicationStatus.SELECTED) | Q(status=ApplicationStatus.NOT_SELECTED)
        ).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: [email_applicants.enqueue(pk, "results") for pk in decided])
    return call
