"""Requests with a personal access token, as an integrator's script sends them."""

import json

from alliance.accounts.tokens import token_create


def bearer(user, scope: str = "write", **extra) -> dict:
    _row, raw = token_create(actor=user, name="test", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", **extra}


def post(client, path, body=None, **headers):
    return client.post(
        "/api/v1" + path, data=json.dumps(body or {}), content_type="application/json", **headers
    )
