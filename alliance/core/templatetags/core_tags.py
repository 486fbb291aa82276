from django import template
from django.utils.html import format_html

from alliance.core import formatting

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination keeps filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def autosave_attrs():
    """`<form method="post"{% autosave_attrs %}>`: the draft saves as the person types
    (core/static/core/autosave.js), with its status sentences in the page's language."""
    from django.utils.translation import gettext as _

    return format_html(
        ' data-autosave data-autosave-saving="{}" data-autosave-saved="{}"'
        ' data-autosave-failed="{}" data-autosave-signed-out="{}"',
        _("Saving your draft…"),
        _("Draft saved."),
        _("Your draft could not be saved automatically: use the save button."),
        _("You were signed out. What you typed is kept: sign in again to carry on."),
    )


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """True when any form or formset the view passed has errors: the <title> then starts
    with "Error:" (GOV.UK), whatever name the view gave the form."""
    from django.forms import BaseForm, BaseFormSet

    for value in context.flatten().values():
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            return True
        if isinstance(value, BaseFormSet) and value.is_bound and not value.is_valid():
            return True
    return False


@register.simple_tag(takes_context=True)
def actions(context, obj):
    """What the signed-in person may do to `obj` now, from its transition table and the
    policy: `{% actions application as actions %}{% if "withdraw" in actions %}`."""
    from alliance.core.kernel import allowed_actions

    from .guard import remember_shown

    remember_shown(context, obj)  # its forms carry the version shown (core/guard.py)
    request = context.get("request")
    return allowed_actions(obj, getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def can(context, rule, obj=None):
    """`{% can "calls.call.manage" call as may_manage %}`: the policy, in a template."""
    from alliance.core.policy import can as policy_can

    request = context.get("request")
    return policy_can(getattr(request, "user", None), rule, obj)


@register.simple_tag
def tr(value, language=None):
    """`{% tr call.title %}`: the text in the page language, or English marked
    `<span lang="en" dir="ltr">` when there is no translation. Inside an attribute or
    <title>, print `{{ call.title }}` instead (plain text, no markup)."""
    text = _translated(value, language)
    if text.fallback:
        return format_html('<span lang="{}" dir="{}">{}</span>', text.lang, _dir(text.lang), text)
    return text


@register.filter
def lang_attrs(value):
    """` lang="en" dir="ltr"` on an element holding an English fallback, else nothing:
    `<p{{ centre.description|lang_attrs }}>{{ centre.description|linebreaksbr }}</p>`."""
    text = _translated(value, None)
    if text.fallback:
        return format_html(' lang="{}" dir="{}"', text.lang, _dir(text.lang))
    return ""


def _translated(value, language):
    from alliance.core.i18n import Translated, Translations

    if isinstance(value, Translated):
        return value
    if isinstance(value, dict) or value is None:
        return Translations.of(value).text(language)
    return Translated(str(value), "", "")


def _dir(code):
    from alliance.core.i18n import language_direction

    return language_direction(code)


# Formatting for the reader's language (CLDR, via alliance.core.formatting):
# `{{ d|ldate }}`, `{{ d|ldate:"short" }}`, `{{ t|ldatetime }}`, `{{ t|ldatetime:"zone" }}`,
# `{{ n|number }}`, `{{ amount|money:"USD" }}`.
@register.filter
def grouped(value):
    """A fingerprint read aloud or typed in groups of four: "3f2a 9c1b …"."""
    value = str(value or "")
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


register.filter("ldate", formatting.ldate)
register.filter("ldatetime", formatting.ldatetime)
register.filter("ltime", formatting.ltime)
register.filter("number", formatting.number)
register.filter("money", formatting.money)


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
