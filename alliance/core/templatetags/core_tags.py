from django import template

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
