"""Tokens made while they lived in the `api` app keep working after the move to accounts."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from alliance.accounts.models import ApiToken
from alliance.accounts.tokens import token_create, user_for_token
from alliance.core.models import AuditEvent

migration = importlib.import_module("alliance.accounts.migrations.0004_apitoken")


@pytest.mark.django_db(transaction=True)
def test_an_existing_token_table_moves_with_its_rows_and_audit_trail(ministry_focal_point):
    token, raw = token_create(actor=ministry_focal_point, name="script", scope="write")
    # Put the database back the way the `api` app left it.
    with connection.schema_editor() as editor:
        editor.alter_db_table(ApiToken, "accounts_apitoken", "api_apitoken")
    ContentType.objects.filter(app_label="accounts", model="apitoken").update(app_label="api")
    ContentType.objects.clear_cache()

    with connection.schema_editor() as editor:
        migration.move_token_table(apps, editor)

    ContentType.objects.clear_cache()
    assert "api_apitoken" not in connection.introspection.table_names()
    assert user_for_token(raw) == ministry_focal_point
    event = AuditEvent.objects.get(verb="api_token.created")
    assert event.content_type.model_class() is ApiToken
    assert event.content_type.get_object_for_this_type(pk=event.object_id) == token
