"""Staff roles are Django groups; the permissions each carries are set in a migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat officer")
    DIRECTOR = "director", _("BDT Director")
    LAB_EXPERT = "lab_expert", _("Lab expert")
    REVIEWER = "reviewer", _("Reviewer")
    BOARD_MEMBER = "board_member", _("Board member")


# (app_label, codename) pairs per role; kept here so the migration and tests agree.
ROLE_PERMISSIONS = {
    StaffRole.SECRETARIAT: [
        ("core", "view_auditevent"),
        ("public", "add_milestone"),
        ("public", "change_milestone"),
        ("public", "delete_milestone"),
        ("public", "view_milestone"),
        ("accounts", "view_organisation"),
        ("accounts", "change_organisation"),
        ("accounts", "manage_organisations"),
        ("board", "manage_board"),
        ("calls", "view_call"),
        ("calls", "manage_call"),
    ],
    StaffRole.DIRECTOR: [
        ("core", "view_auditevent"),
        ("public", "view_milestone"),
        ("accounts", "view_organisation"),
        ("board", "manage_board"),
        ("board", "appoint_board_member"),
        ("calls", "view_call"),
        ("calls", "decide_call"),
    ],
    StaffRole.LAB_EXPERT: [("accounts", "view_organisation")],
    StaffRole.REVIEWER: [],
    StaffRole.BOARD_MEMBER: [],
}


# Grants declared by the apps themselves ({app_label: {role: [codename, ...]}}), so that an
# app adds a capability without editing this file: `register_grants` in its policy.py,
# and `grant_in_migration` in the data migration that creates the permission.
GRANTS: dict[str, dict[str, list[str]]] = {}


def register_grants(app_label: str, grants: dict[str, list[str]]) -> None:
    GRANTS[app_label] = {str(role): list(codenames) for role, codenames in grants.items()}


def all_grants() -> dict[str, list[tuple[str, str]]]:
    """Every (app_label, codename) per role: ROLE_PERMISSIONS and the apps' grants."""
    out = {str(role): list(perms) for role, perms in ROLE_PERMISSIONS.items()}
    for app_label, grants in GRANTS.items():
        for role, codenames in grants.items():
            out.setdefault(role, []).extend((app_label, c) for c in codenames)
    return out


def grant_in_migration(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    """For an app's data migration: create its permissions now and add them to the groups."""
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config(app_label)
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=str(role))
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def has_role(user, *roles: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    names = user.role_names()
    return any(r in names for r in roles)


def is_staff_member(user) -> bool:
    return has_role(user, StaffRole.SECRETARIAT, StaffRole.DIRECTOR, StaffRole.LAB_EXPERT)


def ensure_groups() -> None:
    """Create the staff groups with their permissions (the migrations do it too; tests that
    flush the database call this to get them back)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role, perms in all_grants().items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in perms
            ]
        )
