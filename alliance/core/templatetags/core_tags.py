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


@register.filter(is_safe=True)
def bdi(value):
    """Isolate a name or number put into a translated sentence, on right-to-left pages.

    "Nomination of Jane Doe (2027)" in Arabic would otherwise let the Latin name and the
    digits reorder the sentence around them. On left-to-right pages the value is left
    as it is, so nothing changes there.
    """
    from django.utils.html import conditional_escape, format_html
    from django.utils.translation import get_language_bidi

    if not get_language_bidi() or value in (None, ""):
        return value
    return format_html("<bdi>{}</bdi>", conditional_escape(value))
