"""Shared machinery for the transition tables that each app keeps in its states.py."""

from django.utils.translation import gettext as _


class TransitionRefused(Exception):
    """A state change that the rules do not allow; `reason` is translated for the user."""

    def __init__(self, reason: str, code: str = "transition_refused"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


class PermissionRefused(TransitionRefused):
    def __init__(self, reason: str | None = None):
        super().__init__(reason or _("You are not allowed to do this."), code="forbidden")
