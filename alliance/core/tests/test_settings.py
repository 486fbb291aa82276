"""Production settings refuse to start on dangerous configuration, naming the variable."""

import os
import subprocess
import sys

import pytest


def _check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
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
    ],
)
def test_production_refuses_bad_configuration(env, named):
    result = _check(**env)
    assert result.returncode != 0
    assert named in result.stderr.strip().splitlines()[-1]


def test_production_starts_with_a_real_secret():
    assert _check(SECRET_KEY="k" * 64).returncode == 0
