from datetime import timedelta

from django.db import migrations, models


def existing_tokens_keep_working_for_a_year(apps, schema_editor):
    # Tokens made before scopes existed could write: they keep that, and expire a year
    # after this migration rather than never (docs/decisions/0018-api-token-scopes-and-mfa.md).
    from django.utils import timezone

    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + timedelta(days=365), scope="write"
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_alter_user_preferred_language")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Read only"), ("write", "Read and write")],
                default="read",
                max_length=5,
                verbose_name="access",
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(existing_tokens_keep_working_for_a_year, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires"),
        ),
        migrations.CreateModel(
            name="SecurityPolicy",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "require_reviewer_board_mfa",
                    models.BooleanField(
                        default=False,
                        verbose_name="reviewers and Board members need two-factor authentication",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={"verbose_name": "security policy", "verbose_name_plural": "security policy"},
        ),
    ]
