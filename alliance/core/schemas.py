"""Pieces shared by the apps' API schemas."""

from ninja import Schema


class WithActions(Schema):
    """`actions`: what the caller may do to the object now, from its transition table and
    the policy (the same list the pages use to show their buttons)."""

    actions: list[str] = []

    @staticmethod
    def resolve_actions(obj, context):
        from alliance.core.kernel import allowed_actions

        request = context.get("request") if context else None
        user = getattr(request, "auth", None) or getattr(request, "user", None)
        return sorted(allowed_actions(obj, user))
