"""The signed-in account, for scripts checking which token they hold."""

from ninja import Router, Schema

from .auth import TokenAuth

router = Router(tags=["account"], auth=TokenAuth())


class MeOut(Schema):
    email: str
    full_name: str
    roles: list[str]
    organisations: list[str]


# operation_id: the name it had before the routers moved to their apps, so that generated
# API clients keep their method names.
@router.get("/me", response=MeOut, operation_id="alliance_api_api_whoami")
def whoami(request):
    user = request.auth
    return {
        "email": user.email,
        "full_name": user.full_name,
        "roles": sorted(user.role_names()),
        "organisations": [
            str(m.organisation) for m in user.memberships.select_related("organisation")
        ],
    }
