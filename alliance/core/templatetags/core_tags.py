from django import template

from alliance.core import formatting

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination keeps filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def actions(context, obj):
    """What the signed-in person may do to `obj` now, from its transition table and the
    policy: `{% actions application as actions %}{% if "withdraw" in actions %}`."""
    from alliance.core.kernel import allowed_actions

    request = context.get("request")
    return allowed_actions(obj, getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def can(context, rule, obj=None):
    """`{% can "calls.call.manage" call as may_manage %}`: the policy, in a template."""
    from alliance.core.policy import can as policy_can

    request = context.get("request")
    return policy_can(getattr(request, "user", None), rule, obj)


# Formatting for the reader's language (CLDR, via alliance.core.formatting):
# `{{ d|ldate }}`, `{{ d|ldate:"short" }}`, `{{ t|ldatetime }}`, `{{ t|ldatetime:"zone" }}`,
# `{{ n|number }}`, `{{ amount|money:"USD" }}`.
register.filter("ldate", formatting.ldate)
register.filter("ldatetime", formatting.ldatetime)
register.filter("ltime", formatting.ltime)
register.filter("number", formatting.number)
register.filter("money", formatting.money)
