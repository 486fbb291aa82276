from django.db import migrations

from alliance.accounts.roles import grant_in_migration

# Kept in step with alliance/events/policy.py GRANTS.
GRANTS = {"secretariat": ["manage_event"], "lab_expert": ["manage_event"]}


def grant(apps, schema_editor):
    grant_in_migration(apps, "events", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("accounts", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
