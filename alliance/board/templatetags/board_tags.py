from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.policy import can

from ..permissions import nominating_organisations
from ..states import STATUS_TAG

register = template.Library()


@register.simple_tag(takes_context=True)
def board_links(context):
    """The dashboard's Board section: what this person can do on the Board."""
    user = context["request"].user
    links = []
    if can(user, "board.papers"):
        links.append((reverse("board:member_area"), _("Board members' area: meetings and papers")))
    if can(user, "board.manage"):
        links.append(
            (
                reverse("board:staff_home"),
                _("Board secretariat: nominations, seats, meetings, experts"),
            )
        )
    if nominating_organisations(user).exists():
        links.append((reverse("board:nominations"), _("Nominate a person to the Board")))
    links.append((reverse("board:expert_apply"), _("Expert Network: your application")))
    return links


@register.filter
def tag_class(status) -> str:
    """The colour of a status tag ("tag-green"), from states.STATUS_TAG."""
    return STATUS_TAG.get(str(status), "")
