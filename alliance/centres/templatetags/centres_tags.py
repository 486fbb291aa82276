from django import template

from ..permissions import is_centres_staff

register = template.Library()


@register.simple_tag
def centres_staff(user) -> bool:
    return is_centres_staff(user)
