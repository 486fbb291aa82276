"""Errors as a contract for the JSON API: one `Error` schema for every 4xx, central exception
handlers, input guards and the OpenAPI responses that say so. `AllianceAPI` installs them all,
so that a route added to any router gets them without doing anything (docs/api.md)."""

import logging
import math
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import Field, NinjaAPI, Schema
from ninja.errors import (
    AuthenticationError,
    AuthorizationError,
    HttpError,
    Throttled,
    ValidationError,
)
from ninja.pagination import LimitOffsetPagination
from pydantic import BaseModel

from .states import TransitionRefused

logger = logging.getLogger("alliance.api")

# The widest integer both databases store (PostgreSQL bigint, SQLite INTEGER).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# Past this offset a page is empty anyway; a bound keeps OFFSET inside every database's range.
MAX_OFFSET = 1_000_000
MAX_LIMIT = 200


class Error(Schema):
    """Every 4xx answer of the API. `code` is stable (scripts branch on it), `message` is in
    the language of the request, `errors` maps a field ("title", "values.0.value") to what is
    wrong with it."""

    code: str
    message: str
    errors: dict[str, list[str]] = {}


class BoundedPagination(LimitOffsetPagination):
    """`@paginate` everywhere (settings.NINJA_PAGINATION_CLASS): `limit` and `offset` bounded,
    so that a huge offset is a 422 and not an integer overflow in the database."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    Input.__name__ = Input.__qualname__ = "PageQuery"


class InputRefused(Exception):
    """Raised by the guards: `errors` maps fields to messages (a 422)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def _walk(value: Any, path: tuple, found: dict[str, list[str]]) -> None:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name, None), (*path, name), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(key, path, found)
            _walk(item, (*path, str(key)), found)
    elif isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            _walk(item, (*path, str(i)), found)
    elif isinstance(value, str):
        if "\x00" in value:
            found.setdefault(".".join(path), []).append(_("A text may not contain a NUL byte."))
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            found.setdefault(".".join(path), []).append(_("This number is out of range."))
    elif isinstance(value, float) and not math.isfinite(value):
        found.setdefault(".".join(path), []).append(_("This number is out of range."))


def refuse_bad_input(view_func):
    """An operation decorator (it sees the validated path, query and body values): NUL bytes,
    which PostgreSQL cannot store, and integers past 64 bits are refused before any query."""

    def guarded(request, *args, **kwargs):
        found: dict[str, list[str]] = {}
        for name, value in kwargs.items():
            # A schema's fields are the fields the caller sent (payload.title -> "title").
            _walk(value, () if isinstance(value, BaseModel) else (name,), found)
        if found:
            raise InputRefused(found)
        return view_func(request, *args, **kwargs)

    guarded.__name__ = getattr(view_func, "__name__", "operation")
    guarded.__module__ = getattr(view_func, "__module__", __name__)
    guarded.__wrapped__ = view_func
    return guarded


# --- Exception handlers ------------------------------------------------------------------


def _field(loc) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form", "file"):
        source, parts = parts[0], parts[1:]
        # One body schema: its fields are what the caller sent (drop the parameter's name).
        if source == "body" and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts) or "__all__"


def _error(api, request, status: int, code: str, message: str, errors=None):
    body = {"code": code, "message": str(message), "errors": errors or {}}
    return api.create_response(request, body, status=status)


def _invalid(api, request, errors):
    return _error(api, request, 422, "invalid", _("Some values are not valid."), errors)


def _ninja_validation(api, request, exc: ValidationError):
    errors: dict[str, list[str]] = {}
    for item in exc.errors:
        errors.setdefault(_field(item.get("loc", ())), []).append(str(item.get("msg", "")))
    return _invalid(api, request, errors)


def _django_validation(api, request, exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
    else:
        errors = {"__all__": [str(m) for m in exc.messages]}
    return _invalid(api, request, errors)


HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "throttled",
}


def _http_error(api, request, exc: HttpError):
    status = exc.status_code
    # A subclass may name its own code (accounts.auth.TokenRefused: expired, read_only, mfa).
    code = getattr(exc, "code", None) or HTTP_CODES.get(status, "error")
    return _error(api, request, status, code, str(exc.message))


def _transition_refused(api, request, exc: TransitionRefused):
    status = {"forbidden": 403, "invalid": 422}.get(exc.code, 409)
    return _error(api, request, status, exc.code, exc.reason)


def _server_error(api, request, exc: Exception):
    # Logged with its traceback for the operators; the caller never sees one, DEBUG or not.
    logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
    return _error(api, request, 500, "server_error", _("Something went wrong on our side."))


def install_handlers(api: NinjaAPI) -> None:
    def add(exc_class, handler):
        api.add_exception_handler(exc_class, lambda request, exc: handler(api, request, exc))

    add(Exception, _server_error)
    add(ValidationError, _ninja_validation)
    add(InputRefused, lambda api, request, exc: _invalid(api, request, exc.errors))
    add(DjangoValidationError, _django_validation)
    # The value passed the checks and the database refused it (too long, out of range).
    add(DataError, lambda api, r, e: _invalid(api, r, {"__all__": [_("A value is too large.")]}))
    add(
        IntegrityError,
        lambda api, r, e: _error(
            api, r, 409, "conflict", _("This conflicts with a record that already exists.")
        ),
    )
    add(HttpError, _http_error)
    # A multipart body Django cannot read (no boundary, a broken part): the caller's request
    # is malformed, not our server.
    add(
        MultiPartParserError,
        lambda api, r, e: _error(
            api, r, 400, "bad_request", _("The body of the request could not be read.")
        ),
    )
    add(Http404, lambda api, r, e: _error(api, r, 404, "not_found", _("Not found.")))
    add(
        PermissionDenied,
        lambda api, r, e: _error(api, r, 403, "forbidden", _("You are not allowed to do this.")),
    )
    add(
        AuthenticationError,
        lambda api, r, e: _error(
            api, r, 401, "unauthorized", _("Give a valid personal access token.")
        ),
    )
    add(
        AuthorizationError,
        lambda api, r, e: _error(api, r, 403, "forbidden", _("You are not allowed to do this.")),
    )
    add(Throttled, lambda api, r, e: _error(api, r, 429, "throttled", _("Too many requests.")))
    add(TransitionRefused, _transition_refused)


# --- The OpenAPI document -----------------------------------------------------------------

DESCRIPTIONS = {
    400: "The body is not valid JSON.",
    401: "No valid personal access token.",
    403: "The token's owner may not do this.",
    404: "Not found, or not visible to the caller.",
    409: "The object's state does not allow this now, or it conflicts with another.",
    422: "A value is missing or not valid (see `errors`).",
}
ERROR_REF = {"$ref": "#/components/schemas/Error"}
PATH_PARAM = re.compile(r"{(\w+)}")


def statuses_for(path: str, method: str, operation: dict) -> set[int]:
    """The 4xx an operation can answer, from what it takes: input can be invalid (422), a
    body malformed (400), a path name something missing (404); a token can be absent (401),
    its owner not allowed (403), the object not visible (404) or in the wrong state (409)."""
    statuses = set()
    has_input = bool(operation.get("parameters")) or "requestBody" in operation
    if has_input:
        statuses.add(422)
    if "requestBody" in operation:
        statuses.add(400)
    if PATH_PARAM.search(path):
        statuses.add(404)
    if operation.get("security"):
        statuses |= {401, 403, 404, 409}
    return statuses


def document_errors(schema: dict) -> dict:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = Error.model_json_schema(ref_template="#/components/schemas/{model}")
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses_for(path, method, operation)):
                if status in responses or str(status) in responses:
                    continue  # the route documents it itself
                responses.setdefault(
                    status,
                    {
                        "description": DESCRIPTIONS[status],
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
    add_links(schema)
    return schema


def add_links(schema: dict) -> None:
    """OpenAPI links from a create (201 with an `id`) to the operations on the created object
    (`POST /lab/requests` -> `GET /lab/requests/{request_id}`), so that a stateful fuzzer can
    follow them. Derived from the paths: later routes get their links too."""
    paths = schema.get("paths", {})
    for path, item in paths.items():
        created = item.get("post", {}).get("responses", {}).get(201)
        if not created:
            continue
        for other, other_item in paths.items():
            params = PATH_PARAM.findall(other[len(path) :])
            if not other.startswith(path + "/{") or len(params) != 1:
                continue
            for method, operation in other_item.items():
                links = created.setdefault("links", {})
                links[operation["operationId"]] = {
                    "operationId": operation["operationId"],
                    "parameters": {params[0]: "$response.body#/id"},
                }
                del method


class AllianceAPI(NinjaAPI):
    """The NinjaAPI with the error contract: handlers, guards and documented 4xx for every
    operation of every router, present and future."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        install_handlers(self)
        self.add_decorator(refuse_bad_input, mode="operation")

    def get_openapi_schema(self, *args, **kwargs):
        return document_errors(super().get_openapi_schema(*args, **kwargs))


@csrf_exempt
def unknown_path(request, unknown: str = ""):
    """Any /api/v1/ address no operation answers: the Error schema, not an HTML page (nor,
    under DEBUG, Django's list of URL patterns). CSRF-exempt: it changes nothing, and a POST
    to an address whose parameter does not match (`/join-requests/x/approve`) must get this
    404, not the pages' CSRF refusal."""
    from django.http import JsonResponse

    body = {"code": "not_found", "message": str(_("Not found.")), "errors": {}}
    return JsonResponse(body, status=404)
