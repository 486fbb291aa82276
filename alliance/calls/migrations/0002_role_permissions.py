from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from alliance.accounts.roles import ROLE_PERMISSIONS

    app_config = apps.get_app_config("calls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        for app, codename in perms:
            if app == "calls":
                group.permissions.add(
                    Permission.objects.get(content_type__app_label=app, codename=codename)
                )


class Migration(migrations.Migration):
    dependencies = [("calls", "0001_initial"), ("accounts", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
