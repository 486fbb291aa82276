from ninja.errors import HttpError
from ninja.security import HttpBearer

from .tokens import check_token


class TokenRefused(HttpError):
    """A known token that may not make this request (expired, read only, or its owner has
    not set up the two-factor authentication their role needs): a JSON body with a code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(status, message)
        self.code = code
        self.text = message


class TokenAuth(HttpBearer):
    """Personal access tokens: `Authorization: Bearer ah_…` (alliance/accounts/tokens.py)."""

    def authenticate(self, request, token):
        found, refusal = check_token(token, request.method)
        if refusal is not None:
            raise TokenRefused(refusal.status, refusal.code, refusal.message)
        if found is None:
            return None
        request.user = found.user
        request.auth_token = found
        return found.user
