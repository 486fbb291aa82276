import importlib.util
import json
import uuid
from pathlib import Path

import pytest

from alliance.accounts.tokens import token_create

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "api_call_lifecycle.py"


def load_script():
    spec = importlib.util.spec_from_file_location("api_call_lifecycle", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def token(user) -> str:
    _row, raw = token_create(actor=user, name="api test", scope="write")
    return raw


@pytest.fixture
def send(client):
    """The script's transport over Django's test client (same requests, no socket)."""

    def send(method, path, raw_token, body):
        extra = {"HTTP_AUTHORIZATION": f"Bearer {raw_token}"} if raw_token else {}
        if method == "POST":
            extra["HTTP_IDEMPOTENCY_KEY"] = str(uuid.uuid4())
            response = client.post(
                "/api/v1" + path,
                data=json.dumps(body or {}),
                content_type="application/json",
                **extra,
            )
        else:
            response = client.get("/api/v1" + path, **extra)
        return response.status_code, response.json() if response.content else {}

    return send
