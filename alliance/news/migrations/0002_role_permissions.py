from django.db import migrations

# Kept in step with alliance/news/policy.py GRANTS.
GRANTS = {
    "secretariat": ["manage_news"],
    "director": ["manage_news", "designate_pilot"],
}


def grant(apps, schema_editor):
    from alliance.accounts.roles import grant_in_migration

    grant_in_migration(apps, "news", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("accounts", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
