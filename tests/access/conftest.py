import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction

from alliance.core import kernel

from . import api_walk, walk, world


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeds the demo world once for the module, asks every page and API operation as every
    persona, and rolls all of it back. Works the same on SQLite and PostgreSQL: objects are
    found by natural key and answers are recorded without ids."""
    from django.conf import settings

    from alliance.accounts.models import User

    patterns = walk.url_patterns()
    api_paths = {path for _method, path, _op in api_walk.operations()}
    page_rows, unmapped_pages = walk.page_rows(
        patterns, lambda p: api_walk.schema_path(p.template) in api_paths
    )
    api_rows, unmapped_api = api_walk.api_rows()
    writes = {}
    old_media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, tmp_path_factory.mktemp("media")
    try:
        with time_machine.travel(world.FROZEN_AT, tick=False), django_db_blocker.unblock():
            cache.clear()  # a shared Redis may hold pages cached by an earlier run
            # Each request keeps its own lock order, as in production, though one
            # transaction wraps the whole walk so that it can be rolled back.
            with transaction.atomic(), kernel.separate_lock_orders():
                _reference_data()  # a transactional test may have flushed it (xdist)
                tokens = world.build()
                users = {p: User.objects.get(email=e) for p, e in world.PERSONAS.items() if e}
                browsers = {p: walk.Persona(user=users.get(p)) for p in world.PERSONAS}
                scripts = {p: walk.Persona(token=tokens.get(p)) for p in world.PERSONAS}
                observed = {
                    "pages": walk.walk_pages(page_rows, browsers, writes),
                    "api": api_walk.walk_api(api_rows, scripts, writes),
                }
                transaction.set_rollback(True)
            cache.clear()
    finally:
        settings.MEDIA_ROOT = old_media
    return {
        "patterns": patterns,
        "rows": {"pages": page_rows, "api": api_rows},
        "observed": observed,
        "unmapped": {"pages": unmapped_pages, "api": unmapped_api},
        "writes": writes,
    }


def _reference_data():
    """The rows the data migrations made, again: on a pytest-xdist worker a transactional
    test of another file may have run (and flushed them) before this module (ADR 0024)."""
    from alliance.accounts.roles import ensure_groups
    from alliance.core.reference.load import load_reference_data
    from conftest import REFERENCE_HOOKS

    load_reference_data()
    ensure_groups()
    for hook in REFERENCE_HOOKS:
        hook()
