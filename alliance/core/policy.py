"""One access policy: `can(user, rule, obj)`.

Rules are named `<app>.<object>.<action>` ("calls.application.withdraw") and built from
predicates (the `rules` library: `&`, `|`, `~`). Staff capabilities are Django permissions
granted to the staff-role groups (data, see accounts/roles.py); relations such as "focal
point or authorised signatory of the organisation" are predicates in accounts/policy.py.
Apps declare their rules in their own `policy.py`, imported when the app is ready.

Views, the API, services (through the kernel) and templates (`{% can %}`) all ask here;
fetchers in each app's permissions.py still answer 404 for what a person may not see.
"""

from rules import RuleSet

from .states import PermissionRefused

RULES = RuleSet()
_MESSAGES: dict[str, object] = {}


def rule(name: str, predicate, *, message=None) -> None:
    """Declare a rule. `message` (lazily translated) is what a refused person reads."""
    if RULES.rule_exists(name):
        raise ValueError(f"the rule {name} is declared twice")
    RULES.add_rule(name, predicate)
    _MESSAGES[name] = message


def can(user, name: str, obj=None) -> bool:
    if not RULES.rule_exists(name):
        raise LookupError(f"no rule named {name}: declare it in the app's policy.py")
    if user is None:
        return False
    return bool(RULES.test_rule(name, user, obj))


def require(user, name: str, obj=None) -> None:
    """Raise PermissionRefused, with the rule's message, unless the user passes the rule."""
    if not can(user, name, obj):
        message = _MESSAGES.get(name)
        raise PermissionRefused(str(message) if message else None)


def names() -> list[str]:
    return sorted(RULES)
