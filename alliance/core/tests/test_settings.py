"""Production settings refuse to start on dangerous configuration, naming the variable."""

import json
import os
import subprocess
import sys

import pytest


def _signing_key() -> str:
    from joserfc.jwk import OKPKey

    return json.dumps(OKPKey.generate_key("Ed25519").as_dict(private=True))


def _check(**env):
    hidden = ("DEBUG", "SECRET_KEY", "CREDENTIAL_SIGNING_KEY", "SITE_URL")
    environment = {k: v for k, v in os.environ.items() if k not in hidden}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], capture_output=True, text=True, env=environment
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SECRET_KEY": "x" * 60, "DEBUG": "true"}, "DEBUG"),
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-insecure-key-change-me"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 60, "EMAIL_PORT": "twenty-five"}, "EMAIL_PORT"),
        ({"SECRET_KEY": "x" * 60}, "CREDENTIAL_SIGNING_KEY"),
        ({"SECRET_KEY": "x" * 60, "CREDENTIAL_SIGNING_KEY": "{}"}, "SITE_URL"),
        (
            {
                "SECRET_KEY": "x" * 60,
                "CREDENTIAL_SIGNING_KEY": "{}",
                "SITE_URL": "http://127.0.0.1:8000",
            },
            "SITE_URL",
        ),
    ],
)
def test_production_refuses_bad_configuration(env, named):
    result = _check(**env)
    assert result.returncode != 0
    assert named in result.stderr.strip().splitlines()[-1]


def test_production_starts_with_a_real_secret():
    result = _check(
        SECRET_KEY="k" * 64,
        CREDENTIAL_SIGNING_KEY=_signing_key(),
        SITE_URL="https://alliance.example.org",
    )
    assert result.returncode == 0, result.stderr
