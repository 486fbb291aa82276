from ninja.security import HttpBearer

from .tokens import user_for_token


class TokenAuth(HttpBearer):
    """Personal access tokens: `Authorization: Bearer ah_…`."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
