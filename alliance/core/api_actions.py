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
from ninja import File, Form, Query, Router, Schema, UploadedFile
from ninja.errors import HttpError
from pydantic import Field

from .api_bodies import form_or_json, json_alternative
from .idempotency import idempotent
from .kernel import allowed_actions

# Lists: bounded pages (a client cannot ask for a million rows, nor skip a million).
MAX_LIMIT = 100
MAX_OFFSET = 10_000


class ActionsPageQuery(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def window_query(default: int) -> type[Schema]:
    """`limit`/`offset` for a list answered as a plain array (kept so for the clients that
    read it so): `default` is the number of rows it gave before it took a limit."""
    return type(
        f"WindowQuery{default}",
        (Schema,),
        {
            "__annotations__": {"limit": int, "offset": int},
            "limit": Field(default, ge=1, le=2 * MAX_LIMIT),
            "offset": Field(0, ge=0, le=MAX_OFFSET),
        },
    )


def window(queryset, query) -> list:
    """The rows of one window of a list (`window_query`); a shorter one is the last."""
    return list(queryset[query.offset : query.offset + query.limit])


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
    except FormInvalid:
        raise  # already per field: the API's handler answers 422 with `errors`
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc


class FormInvalid(ValidationError):
    """A page's form refused what the API received, field by field."""


def actions_of(obj, user) -> list[str]:
    return sorted(allowed_actions(obj, user))


def form_values(form_class, data: dict, files: dict | None = None, **kwargs) -> dict:
    """The page's own form cleans what the API received: the same rules (lengths, choices,
    upload size, type and scanning), the same translated messages, 422 per field."""
    form = form_class(data, files or {}, **kwargs)
    if not form.is_valid():
        raise FormInvalid({name: list(errors) for name, errors in form.errors.items()})
    return form.cleaned_data


@dataclass
class ActionRoute:
    name: str
    run: Callable  # (obj, actor, payload) -> None; (obj, actor, payload, files) with files
    body: type[Schema] | None
    summary: str
    # Names of the uploaded files of a multipart action (the body is then form fields).
    files: tuple[str, ...] = ()
    required_files: tuple[str, ...] = ()
    # A multipart action that also takes its fields as a JSON body (api_bodies.py).
    json_too: bool = False


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

    def action(
        self,
        name: str,
        *,
        body: type[Schema] | None = None,
        summary: str = "",
        files: tuple[str, ...] = (),
        optional_files: tuple[str, ...] = (),
        json_too: bool = False,
    ):
        """`files`: the action is a multipart upload with these required files (and
        `optional_files`); `body` is then its form fields. `json_too`: the same fields
        may come as a JSON body instead (an action that took JSON before it took files)."""

        def register(fn):
            doc = inspect.getdoc(fn) or ""
            self.actions[name] = ActionRoute(
                name, fn, body, summary or doc, (*files, *optional_files), files, json_too
            )
            return fn

        return register

    def steps(self, services, rows: dict[str, "Step"]) -> None:
        """Declare the actions that are one call each of a service of `services` with the
        object's id (as `<id_name>=`), the actor, the body's fields and the row's fixed
        values. The rest (another object to fetch, a body to reshape) stay functions."""
        for name, row in rows.items():

            def run(obj, actor, payload, row=row):
                fields = payload.model_dump() if payload is not None else {}
                service = getattr(services, row.service)  # at call time: tests may patch it
                service(**{self.id_name: obj.pk}, actor=actor, **fields, **row.fixed)

            self.action(name, body=row.body, summary=row.summary)(run)

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
                openapi_extra=json_alternative(route.body) if route.json_too else None,
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

    def _signature(self, body, route: ActionRoute | None = None) -> inspect.Signature:
        keyword = inspect.Parameter.KEYWORD_ONLY
        params = [
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            inspect.Parameter(self.id_name, keyword, annotation=int),
        ]
        files = route.files if route else ()
        if body is not None:
            annotation = body
            if files:
                annotation = form_or_json(body) if route.json_too else Form[body]
            params.append(inspect.Parameter("payload", keyword, annotation=annotation))
        for name in files:
            if name in route.required_files:
                params.append(inspect.Parameter(name, keyword, annotation=File[UploadedFile]))
            else:
                params.append(
                    inspect.Parameter(
                        name, keyword, annotation=File[UploadedFile | None], default=None
                    )
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
                    if route.files:
                        files = {name: kwargs.get(name) for name in route.files}
                        route.run(obj, user, kwargs.get("payload"), files)
                    else:
                        route.run(obj, user, kwargs.get("payload"))
                return self.out(self.fetch(user, pk), user)

            return idempotent(request, user, compute, self.dump)

        view.__signature__ = self._signature(route.body, route)
        view.__name__ = f"{self.name}_{route.name}"
        return view

    def dump(self, data) -> dict:
        return self.schema.model_validate(data).model_dump(mode="json")


@dataclass(frozen=True)
class Step:
    """One row of an app's table of API actions: the action calls `service` (a name in the
    app's services module, looked up at call time) with the object's id, the actor, the
    body's fields and the `fixed` values; `summary` is the operation's OpenAPI summary."""

    service: str
    summary: str
    body: type[Schema] | None = None
    fixed: dict = field(default_factory=dict)


def step(service: str, summary: str, body: type[Schema] | None = None, **fixed) -> Step:
    return Step(service, summary, body, fixed)


def state_schema(name: str, doc: str) -> type[Schema]:
    """The output of a resource offered only as its state: id, kind (the model), label,
    current status and the allowed actions. `name` is unique in the OpenAPI document."""
    annotations = {"id": int, "kind": str, "label": str, "status": str, "actions": list[str]}
    return type(name, (Schema,), {"__annotations__": annotations, "__doc__": doc})


def state_out(kind: str) -> Callable:
    def out(obj, user) -> dict:
        return {
            "id": obj.pk,
            "kind": kind,
            "label": str(obj),
            "status": getattr(obj, "current_status", None) or obj.status,
            "actions": actions_of(obj, user),
        }

    return out


def resource_family(*, prefix: str, base: str, tags: list[str], schema=None):
    """The resources of one app's back office, which share a path, tags and (unless one
    gives its own `out` and `schema`) the state schema: `make(name, path, id_name, model,
    fetch)` registers `<base>/<path>/{id_name}`, operations named `<prefix>_<name>_…`."""

    def make(name, path, id_name, model, fetch, *, out=None, own_schema=None, **extra):
        return register(
            Resource(
                name=f"{prefix}_{name}",
                path=f"{base}/{path}",
                id_name=id_name,
                model=model,
                fetch=fetch,
                out=out or state_out(name),
                schema=own_schema or schema,
                tags=tags,
                **extra,
            )
        )

    return make


def mount(resources, *, tags: list[str], auth: type) -> Router:
    """One router with the operations of these resources, each authenticated by `auth()`."""
    router = Router(tags=tags, auth=auth())
    for resource in resources:
        router.add_router("/", resource.router(auth()))
    return router


def creating(
    request,
    schema: type[Schema],
    compute: Callable,
    *,
    orm: bool = False,
    status: int = 200,
    field_errors: bool = False,
) -> dict:
    """A POST that makes an object, with `Idempotency-Key`: the retry gets the first one,
    with the same `status` (201 for the operations documented so). `orm`: `compute()`
    returns the model object, read by the schema's resolvers (with the request, for its
    `actions`), rather than a dict. `field_errors`: a model's validation is left to the
    API's handler (422 with `errors` per field, as the older creates answered) instead of
    one joined message."""

    def guarded():
        if field_errors:
            return compute()
        with model_errors():
            return compute()

    def dump(data):
        if orm:
            return schema.from_orm(data, context={"request": request}).model_dump(mode="json")
        return schema.model_validate(data).model_dump(mode="json")

    return idempotent(request, request.auth, guarded, dump, status)


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
    "Step",
    "actions_of",
    "creating",
    "form_values",
    "model_errors",
    "mount",
    "page",
    "window",
    "window_query",
    "register",
    "resource_family",
    "state_out",
    "state_schema",
    "step",
    "taken_elsewhere",
]
