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
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in perms
            ]
        )
