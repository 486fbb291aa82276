from django.db import migrations

# Kept in step with alliance/accounts/roles.py ROLE_PERMISSIONS.
GRANTS = {
    "secretariat": ["manage_board"],
    "director": ["manage_board", "appoint_board_member"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("board")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="board", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("board", "0002_expert_areas"), ("accounts", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
