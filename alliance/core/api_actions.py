"""The API's actions, driven by the transition tables (docs/api-actions.md).

An app declares a resource (a model with a `Machine`), how a caller fetches one (404 on
what they may not see) and how it reads, then one function per action of the table that
calls the app's service, the same one the page calls:

    calls = Resource("calls", "/staff/calls", "call_id", fetch=..., out=..., schema=...)

    @calls.action("cancel", body=CallsCancelIn)
    def cancel(call, actor, payload):
        services.call_cancel(call_id=call.pk, actor=actor, reason=payload.reason)

`resource.router(auth)` then has `GET /staff/calls/{call_id}` (the object and the
`actions` the caller may take now, from `kernel.allowed_actions`) and one operation per
action, `POST /staff/calls/{call_id}/actions/<action>`, each with its own body schema in
the OpenAPI document. Every POST accepts an `Idempotency-Key` header. Refusals are the
kernel's (`TransitionRefused` -> 409 with its code, `PermissionRefused` -> 403).

`RESOURCES` and `ELSEWHERE` let a test check that every action of every table that a
person takes has an API route (tests/api/test_action_coverage.py).
"""

import inspect
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from .idempotency import idempotent
from .kernel import allowed_actions

# Lists: bounded pages (a client cannot ask for a million rows, nor skip a million).
MAX_LIMIT = 100
MAX_OFFSET = 10_000


class ActionsPageQuery(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def page(queryset, query: ActionsPageQuery, row: Callable) -> dict:
    """One page of a list as {count, limit, offset, items} (`row(obj) -> dict`)."""
    items = [row(obj) for obj in queryset[query.offset : query.offset + query.limit]]
    return {"count": queryset.count(), "limit": query.limit, "offset": query.offset, "items": items}


def Page(item: type[Schema], name: str) -> type[Schema]:  # noqa: N802 (a schema factory)
    """The schema of a page of `item`s, named `name` in the OpenAPI document."""
    return type(
        name,
        (Schema,),
        {"__annotations__": {"count": int, "limit": int, "offset": int, "items": list[item]}},
    )


@contextmanager
def model_errors():
    """A model's own validation (`full_clean` in a service) answers 422, not 500."""
    try:
        yield
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc


def actions_of(obj, user) -> list[str]:
    return sorted(allowed_actions(obj, user))


@dataclass
class ActionRoute:
    name: str
    run: Callable  # (obj, actor, payload) -> None
    body: type[Schema] | None
    summary: str


@dataclass
class Resource:
    """A model with a transition table, as the API offers it to the people who act on it."""

    name: str  # the operation ids' prefix: "calls_staff_call"
    path: str  # "/staff/calls"
    id_name: str  # "call_id"
    model: str  # the Machine's label, "calls.Call"
    fetch: Callable  # (user, pk) -> obj, Http404 on what the user may not see
    out: Callable  # (obj, user) -> dict
    schema: type[Schema]
    tags: list[str]
    # False where the object's GET is an existing operation (an applicant's application).
    detail: bool = True
    actions: dict[str, ActionRoute] = field(default_factory=dict)

    def action(self, name: str, *, body: type[Schema] | None = None, summary: str = ""):
        def register(fn):
            doc = inspect.getdoc(fn) or ""
            self.actions[name] = ActionRoute(name, fn, body, summary or doc)
            return fn

        return register

    def router(self, auth) -> Router:
        router = Router(tags=self.tags, auth=auth)
        if self.detail:
            self._add_detail(router)
        for route in self.actions.values():
            router.add_api_operation(
                f"{self.path}/{{{self.id_name}}}/actions/{route.name}",
                ["POST"],
                self._action_view(route),
                response=self.schema,
                operation_id=f"{self.name}_{route.name}",
                summary=route.summary.split("\n")[0] or route.name,
                description=route.summary,
            )
        return router

    def _add_detail(self, router):
        router.add_api_operation(
            f"{self.path}/{{{self.id_name}}}",
            ["GET"],
            self._detail_view(),
            response=self.schema,
            operation_id=f"{self.name}_detail",
            summary=f"{self.name.replace('_', ' ').capitalize()}: detail and allowed actions",
        )

    def _signature(self, body) -> inspect.Signature:
        params = [
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            inspect.Parameter(self.id_name, inspect.Parameter.KEYWORD_ONLY, annotation=int),
        ]
        if body is not None:
            params.append(
                inspect.Parameter("payload", inspect.Parameter.KEYWORD_ONLY, annotation=body)
            )
        return inspect.Signature(params)

    def _detail_view(self):
        def view(request, **kwargs):
            user = request.auth
            return self.out(self.fetch(user, kwargs[self.id_name]), user)

        view.__signature__ = self._signature(None)
        return view

    def _action_view(self, route: ActionRoute):
        def view(request, **kwargs):
            user, pk = request.auth, kwargs[self.id_name]

            def compute():
                obj = self.fetch(user, pk)
                with model_errors():
                    route.run(obj, user, kwargs.get("payload"))
                return self.out(self.fetch(user, pk), user)

            return idempotent(request, user, compute, self.dump)

        view.__signature__ = self._signature(route.body)
        view.__name__ = f"{self.name}_{route.name}"
        return view

    def dump(self, data) -> dict:
        return self.schema.model_validate(data).model_dump(mode="json")


def creating(request, schema: type[Schema], compute: Callable) -> dict:
    """A POST that makes an object, with `Idempotency-Key`: the retry gets the first one."""

    def guarded():
        with model_errors():
            return compute()

    return idempotent(
        request,
        request.auth,
        guarded,
        lambda data: schema.model_validate(data).model_dump(mode="json"),
    )


# model label -> its Resources (one model can be offered to several roles).
RESOURCES: dict[str, list[Resource]] = {}
# (model label, action) -> "METHOD /path" of an operation outside the generic mechanism
# that takes the action (the applicants' and reviewers' own routes, mostly).
ELSEWHERE: dict[tuple[str, str], str] = {}


def register(resource: Resource) -> Resource:
    RESOURCES.setdefault(resource.model, []).append(resource)
    return resource


def taken_elsewhere(model: str, routes: dict[str, str]) -> None:
    for action, operation in routes.items():
        ELSEWHERE[(model, action)] = operation


__all__ = [
    "ELSEWHERE",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "RESOURCES",
    "Page",
    "ActionsPageQuery",
    "Query",
    "Resource",
    "actions_of",
    "creating",
    "model_errors",
    "page",
    "register",
    "taken_elsewhere",
]
