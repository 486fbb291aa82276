from django.db import migrations


def load(apps, schema_editor):
    from alliance.core.reference.load import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("centres", "0002_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
