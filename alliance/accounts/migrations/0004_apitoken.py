"""API tokens move from the retired `api` app to `accounts`, with their rows.

The model's state is created without touching the database; then the database step:
on a database made before the move, the table `api_apitoken` is renamed, and its content
type follows it so that the audit events of existing tokens still point at them. On a new
database the table is created.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD_TABLE = "api_apitoken"
NEW_TABLE = "accounts_apitoken"


def move_token_table(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    tables = schema_editor.connection.introspection.table_names()
    if OLD_TABLE in tables:
        schema_editor.alter_db_table(ApiToken, OLD_TABLE, NEW_TABLE)
    elif NEW_TABLE not in tables:
        schema_editor.create_model(ApiToken)
    old = ContentType.objects.using(db).filter(app_label="api", model="apitoken")
    if not ContentType.objects.using(db).filter(app_label="accounts", model="apitoken").exists():
        # The row keeps its id: AuditEvent.content_type and the permissions refer to it.
        old.update(app_label="accounts")


def move_token_table_back(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    schema_editor.alter_db_table(ApiToken, NEW_TABLE, OLD_TABLE)
    ContentType.objects.using(db).filter(app_label="accounts", model="apitoken").update(
        app_label="api"
    )


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_user_time_zone"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        ("prefix", models.CharField(max_length=12)),
                        ("token_hash", models.CharField(max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("last_used_at", models.DateTimeField(blank=True, null=True, verbose_name="last used")),
                        ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="api_tokens", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "API token",
                        "verbose_name_plural": "API tokens",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
            # The table is made or renamed below, where RunPython sees the new model
            # (inside database_operations it would see the state before this migration).
            database_operations=[],
        ),
        migrations.RunPython(move_token_table, move_token_table_back),
    ]
