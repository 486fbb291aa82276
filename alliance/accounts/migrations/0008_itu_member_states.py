"""ITU's list of Member States (reference data, shipped as a CSV) and the secretariat's
capability to verify, staff and merge organisations."""

from django.db import migrations


def load_member_states(apps, schema_editor):
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "reference" / "itu_member_states.csv"
    ItuMember = apps.get_model("accounts", "ItuMember")
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ItuMember.objects.update_or_create(
                category=row["category"],
                key=row["key"],
                defaults={"name": row["name"], "country": row["country"], "active": True},
            )


def grant(apps, schema_editor):
    from alliance.accounts.roles import grant_in_migration

    grant_in_migration(apps, "accounts", {"secretariat": ["manage_organisations"]})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_itu_membership_and_join_requests")]

    operations = [
        migrations.RunPython(load_member_states, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
