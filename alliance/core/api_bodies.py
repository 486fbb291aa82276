"""A multipart action that still takes the JSON body it took before it had files.

An operation that gains an upload (a Lab request's `deliver` and its documents) becomes
`multipart/form-data`; the clients that sent it JSON keep working: the same schema reads
the fields from the form of a multipart request and, for any other request, from the body
as JSON, exactly as before (whatever Content-Type the old client sent). The OpenAPI
document lists both content types for the operation."""

from typing import Annotated

from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from ninja.params.models import BodyModel, Form, FormModel


class _FormOrJsonModel(FormModel):
    @classmethod
    def get_request_data(cls, request, api, path_params):
        if request.content_type == "multipart/form-data":
            return super().get_request_data(request, api, path_params)
        data = BodyModel.get_request_data.__func__(cls, request, api, path_params)
        if data is not None and not isinstance(data, dict):
            # `[null, null]` or `3` as the body: ninja maps fields out of a dict only.
            raise ValidationError(
                [{"loc": ("body",), "msg": _("The body must be a JSON object."), "type": "type"}]
            )
        return data


class _FormOrJson(Form):
    _model = _FormOrJsonModel

    @classmethod
    def _param_source(cls) -> str:
        return "form"  # documented (and grouped with the files) as the multipart form


def form_or_json(body) -> object:
    """The annotation of an action's body read from its form fields or a JSON body."""
    return Annotated[body, _FormOrJson(...)]


def json_alternative(body) -> dict:
    """`openapi_extra` adding the JSON body to the operation's multipart one."""
    schema = body.model_json_schema(ref_template="#/components/schemas/{model}")
    return {"requestBody": {"content": {"application/json": {"schema": schema}}}}
