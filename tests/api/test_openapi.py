"""The OpenAPI document tells the truth about errors, names and choices (issue 13)."""

import typing

import pytest
from pydantic import BaseModel

from config.api import api

ERROR = "#/components/schemas/Error"
# Properties that hold one of a model field's choices: they must be enums, in every schema.
CHOICE_NAMES = {
    "status", "scope", "ownership", "sponsor", "urgency", "kind", "category", "role",
    "method", "format", "availability", "unit", "who_may_apply", "preferred_language",
    "delivery", "instruments", "scopes", "cost_class",
}  # fmt: skip
# Codes of the notifications registry (alliance/notifications/registry.py), not choices.
NOT_CHOICES = {
    ("NotificationOut", "kind"),
    ("PreferenceOut", "kind"),
    # An agreement's scope is its free text ("what the parties do together"), not a choice.
    ("LabAgreementEditIn", "scope"),
    # The generic state of a staff resource: `kind` names the model and `status` is one of
    # that model's states (docs/states/); each model's own output types them as enums.
    *{
        (f"{app}StateOut", prop)
        for app in ("Joining", "Board", "Centres")
        for prop in ("kind", "status")
    },
}


@pytest.fixture(scope="module")
def schema():
    return api.get_openapi_schema()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_operation_documents_its_errors_with_the_error_schema(schema):
    assert sum(1 for _ in operations(schema)) >= 53
    for path, method, operation in operations(schema):
        errors = {str(s): r for s, r in operation["responses"].items() if str(s)[0] == "4"}
        takes_something = operation.get("parameters") or "requestBody" in operation
        if takes_something or operation.get("security"):
            assert errors, f"{method} {path} documents no 4xx"
        else:
            # No input and no token (/objectives): it has no 4xx to answer, so none is listed.
            assert not errors, f"{method} {path}"
        for status, response in errors.items():
            ref = response["content"]["application/json"]["schema"]["$ref"]
            assert ref == ERROR, f"{method} {path} {status}"
        if operation.get("security"):
            assert {"401", "403", "404", "409"} <= set(errors), f"{method} {path}"
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in errors, f"{method} {path}"


def test_a_route_added_later_gets_the_errors_too():
    from ninja import Router

    from alliance.core.api_errors import AllianceAPI

    later = AllianceAPI(urls_namespace="later")
    router = Router()

    @router.post("/things/{thing_id}")
    def thing(request, thing_id: int, name: str):
        return {}

    later.add_router("/", router)
    [operation] = later.get_openapi_schema(path_prefix="/api/")["paths"][
        "/api/things/{thing_id}"
    ].values()
    assert {404, 422} <= set(operation["responses"])


def _models(annotation, seen):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in seen:
            seen.add(annotation)
            for field in annotation.model_fields.values():
                _models(field.annotation, seen)
        return
    for arg in typing.get_args(annotation):
        _models(arg, seen)


def test_no_two_schemas_share_a_name():
    seen = set()
    for router in api._get_bound_routers():
        for view in router.path_operations.values():
            for operation in view.operations:
                for model in operation.response_models.values():
                    _models(model, seen)
                for model in operation.models:
                    _models(model, seen)
    by_name = {}
    for model in seen:
        if model.__module__.startswith("ninja."):
            continue  # the per-operation parameter models ninja generates
        by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    shared = {name: where for name, where in by_name.items() if len(where) > 1}
    assert not shared


def test_choice_fields_are_enums(schema):
    for name, component in schema["components"]["schemas"].items():
        for prop, definition in component.get("properties", {}).items():
            if prop not in CHOICE_NAMES or (name, prop) in NOT_CHOICES:
                continue
            text = str(definition)
            assert "'enum'" in text or "$ref" in text, f"{name}.{prop} is a free string"


def test_milestones_point_to_their_own_schema(schema):
    response = schema["paths"]["/api/v1/milestones"]["get"]["responses"][200]
    ref = response["content"]["application/json"]["schema"]["items"]["$ref"]
    assert "date" in schema["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
