"""What a person may do (groups, permissions, memberships), kept between requests.

Every request read it again: the groups (one query), the permissions behind
`perms.core.view_auditevent` in the header (two queries, each backend) and the
memberships the policy asks about. It changes rarely, so it is kept in the process under
the user row's `access_version`, which every change of groups, permissions or
memberships moves *in the same transaction* (the signals below). The user row is read by
every request anyway, so the next request of that person, in any worker, uses a new key:
nothing has to be told to forget, and a rolled-back change leaves the old version (the
versions are random, so a rolled-back one is never seen again).
"""

import secrets

MAX_ENTRIES = 20_000
_store: dict[tuple, object] = {}


def new_version() -> str:
    return secrets.token_hex(8)


def kept(user, name: str, compute):
    key = (name, user.pk, user.access_version, user.is_superuser, user.is_active)
    try:
        return _store[key]
    except KeyError:
        pass
    value = compute()
    if len(_store) >= MAX_ENTRIES:
        _store.clear()
    _store[key] = value
    return value


def bump(user_ids, instance=None) -> None:
    """Move the access version of these users (and of `instance`, the object in hand)."""
    from django.apps import apps

    User = apps.get_model("accounts", "User")
    ids = {pk for pk in user_ids if pk is not None}
    if not ids:
        return
    version = new_version()
    User.objects.filter(pk__in=ids).update(access_version=version)
    if instance is not None and instance.pk in ids:
        instance.access_version = version
        instance.forget_roles()


def connect() -> None:
    """Wire the signals that move versions (called from AccountsConfig.ready). The
    receivers are local functions: `weak=False`, or they would be collected at once."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save

    # By name, not `from .models import`: models.py imports this module.
    Membership, User = apps.get_model("accounts", "Membership"), apps.get_model("accounts", "User")

    def user_m2m(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
            return
        if not reverse:  # user.groups.add(...): instance is the user
            if action != "pre_clear":
                bump([instance.pk], instance)
        elif action == "pre_clear":  # group.user_set.clear(): who they were
            instance._clearing_users = list(instance.user_set.values_list("pk", flat=True))
        else:  # group.user_set.add(...): instance is the group
            ids = pk_set if pk_set is not None else getattr(instance, "_clearing_users", [])
            bump(ids)

    def group_permissions(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        groups = (
            [instance.pk]
            if not reverse
            else list(pk_set or Group.objects.values_list("pk", flat=True))
        )
        bump(User.objects.filter(groups__in=groups).values_list("pk", flat=True))

    def membership_changed(sender, instance, **kwargs):
        # The user object in hand (membership.user) learns its new version too.
        bump([instance.user_id], instance._state.fields_cache.get("user"))

    m2m_changed.connect(
        user_m2m, sender=User.groups.through, dispatch_uid="access-groups", weak=False
    )
    m2m_changed.connect(
        user_m2m, sender=User.user_permissions.through, dispatch_uid="access-user-perms", weak=False
    )
    m2m_changed.connect(
        group_permissions,
        sender=Group.permissions.through,
        dispatch_uid="access-group-perms",
        weak=False,
    )
    post_save.connect(
        membership_changed, sender=Membership, dispatch_uid="access-membership", weak=False
    )
    post_delete.connect(
        membership_changed, sender=Membership, dispatch_uid="access-membership-d", weak=False
    )
