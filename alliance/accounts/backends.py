"""Authentication backends."""

from django.contrib.auth.backends import ModelBackend

from .access_cache import kept


class CachedPermissionsBackend(ModelBackend):
    """Django's ModelBackend with the permission set kept under the access version."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            perms = kept(
                user_obj,
                "perms",
                lambda: frozenset(
                    super(CachedPermissionsBackend, self).get_all_permissions(user_obj)
                ),
            )
            user_obj._perm_cache = set(perms)
        return user_obj._perm_cache
