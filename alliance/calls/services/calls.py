"""Writes on calls: draft, criteria and questions, publish, close, review, decide, publish."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.i18n import Translations, audit_value
from alliance.core.states import TransitionRefused

from ..models import Application, Call, Criterion, Question, QuestionKind
from ..states import APPLICATION_DECIDED, APPLICATION_UNDECIDED, CallStatus
from ..timefmt import format_deadline

CALL_FIELDS = [
    "reference",
    "title",
    "summary",
    "text",
    "required_documents",
    "scopes",
    "who_may_apply",
    "opens_at",
    "closes_at",
    "target_reviews",
]


def _snapshot(call: Call) -> dict:
    return {f: audit_value(getattr(call, f)) for f in CALL_FIELDS} | {"status": call.status}


def _set_relations(call, centre_types, regions):
    if centre_types is not None:
        call.centre_types.set(centre_types)
    if regions is not None:
        call.regions.set(regions)


@transaction.atomic
def call_create(*, actor, centre_types=None, regions=None, **fields) -> Call:
    policy.require(actor, "calls.call.manage")
    call = Call(created_by=actor, status=CallStatus.DRAFT, **fields)
    call.full_clean()
    kernel.create(call, actor=actor, verb="call.created", after=_snapshot(call))
    _set_relations(call, centre_types, regions)
    return call


@transaction.atomic
def call_update(*, call_id: int, actor, centre_types=None, regions=None, **fields) -> Call:
    call = kernel.lock(Call, call_id)
    kernel.check(call, "edit", actor)
    before = _snapshot(call)
    for name, value in fields.items():
        setattr(call, name, value)
    call.full_clean()
    kernel.transition(
        call, "edit", actor=actor, fields=fields, before=before, after=_snapshot(call)
    )
    _set_relations(call, centre_types, regions)
    return call


def _english(value) -> str:
    return Translations.of(value).get("en", "")


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
    """Replace the criteria; each dict has title, description (translated texts), weight."""
    call = kernel.lock(Call, call_id)
    kernel.check(call, "set_criteria", actor)
    problem = weights_problem([c["weight"] for c in criteria])
    if problem:
        raise TransitionRefused(problem, code="weights")
    before = [{"title": c.title.get("en", ""), "weight": c.weight} for c in call.criteria.all()]
    call.criteria.all().delete()
    Criterion.objects.bulk_create(
        [Criterion(call=call, order=i, **c) for i, c in enumerate(criteria, start=1)]
    )
    return kernel.transition(
        call,
        "set_criteria",
        actor=actor,
        before=before,
        after=[{"title": _english(c["title"]), "weight": c["weight"]} for c in criteria],
    )


@transaction.atomic
def call_set_questions(*, call_id: int, actor, questions: list[dict]) -> Call:
    call = kernel.lock(Call, call_id)
    kernel.check(call, "set_questions", actor)
    for q in questions:
        if (
            q["kind"] in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE)
            and not _english(q.get("choices")).strip()
        ):
            raise TransitionRefused(
                _("The question “%(label)s” needs at least one choice.")
                % {"label": _english(q["label"])},
                code="choices",
            )
    before = [{"label": q.label.get("en", ""), "kind": q.kind} for q in call.questions.all()]
    call.questions.all().delete()
    Question.objects.bulk_create(
        [Question(call=call, order=i, **q) for i, q in enumerate(questions, start=1)]
    )
    return kernel.transition(
        call,
        "set_questions",
        actor=actor,
        before=before,
        after=[{"label": _english(q["label"]), "kind": q["kind"]} for q in questions],
    )


@transaction.atomic
def call_publish(*, call_id: int, actor) -> Call:
    """draft -> open: the call becomes public and freezes."""
    call = kernel.lock(Call, call_id)
    kernel.check(call, "publish", actor)
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
    return kernel.transition(call, "publish", actor=actor, fields={"published_at": timezone.now()})


def close_due_calls(*, now=None) -> list[int]:
    """Record the close of every open call past its deadline (bookkeeping: pages, the API
    and the kernel's checks already read such a call as closed). Each call is locked and
    settled by the kernel, which records nothing for a call already recorded, so two runs
    at once (or twice in a row) close it once and write one audit event."""
    now = now or timezone.now()
    closed = []
    due = Call.objects.filter(status=CallStatus.OPEN, closes_at__lte=now).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            call = kernel.lock(Call, pk)
            if kernel.settle(call, now=now):
                closed.append(pk)
    return closed


@transaction.atomic
def call_close_now(*, call_id: int, actor) -> Call:
    """open -> closed before the deadline, by the secretariat; no application is accepted
    from then on."""
    call = kernel.lock(Call, call_id)
    return kernel.transition(call, "close_now", actor=actor, fields={"closed_at": timezone.now()})


@transaction.atomic
def call_start_review(*, call_id: int, actor) -> Call:
    call = kernel.lock(Call, call_id)
    return kernel.transition(call, "start_review", actor=actor)


@transaction.atomic
def call_cancel(*, call_id: int, actor, reason: str) -> Call:
    call = kernel.lock(Call, call_id)
    kernel.check(call, "cancel", actor)
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for cancelling the call."), code="reason")
    return kernel.transition(call, "cancel", actor=actor, fields={"cancel_reason": reason})


@transaction.atomic
def call_mark_decided(*, call_id: int, actor) -> Call:
    call = kernel.lock(Call, call_id)
    kernel.check(call, "mark_decided", actor)
    pending = call.applications.filter(status__in=APPLICATION_UNDECIDED).count()
    if pending:
        raise TransitionRefused(
            _("%(n)d application(s) still wait for screening, information or a decision.")
            % {"n": pending},
            code="pending",
        )
    return kernel.transition(call, "mark_decided", actor=actor)


@transaction.atomic
def call_publish_results(*, call_id: int, actor) -> Call:
    """decided -> results published; each decided applicant is told its outcome."""
    call = kernel.lock(Call, call_id)
    kernel.transition(
        call, "publish_results", actor=actor, fields={"results_published_at": timezone.now()}
    )
    decided = Application.objects.filter(call=call, status__in=APPLICATION_DECIDED)
    for application in decided.order_by("pk"):
        kernel.announce("application.results_published", application, actor=actor)
    return call
