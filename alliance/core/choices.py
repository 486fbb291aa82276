"""`get_<field>_display()` without translating every choice on every call.

Django's version builds `dict(make_hashable(field.flatchoices))` each time, and hashing a
lazily translated label translates it: a status column of a hundred rows ran the
translation machinery for every label of the status type on every row (about 1,200
catalogue look-ups on the ranking of a call, a fifth of its rendering). The labels of a
field depend only on the field and the active language, and the catalogues only change
when the process restarts, so the mapping is built once per field and language and kept.

Fields whose choices are computed (a callable, such as the time zones) keep Django's way:
their list may change while the process runs.
"""

from functools import partialmethod

from django.apps import apps
from django.db.models import Model
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_labels: dict[tuple, dict] = {}
_MISSING = object()


def _get_FIELD_display(self, field):  # noqa: N802 - the name Django calls
    value = getattr(self, field.attname)
    if not isinstance(field.choices, list | tuple):
        return _django_display(self, field)
    key = (field, get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {
            make_hashable(k): force_str(v, strings_only=True) for k, v in field.flatchoices
        }
    label = labels.get(make_hashable(value), _MISSING)
    return force_str(value, strings_only=True) if label is _MISSING else label


_django_display = Model._get_FIELD_display


def install() -> None:
    """Called once from CoreConfig.ready(): each model got its `get_<field>_display` when
    its class was made (a partialmethod of Django's), so each is pointed here, unless the
    model wrote its own."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.fields:
            name = f"get_{field.name}_display"
            method = model.__dict__.get(name)
            if isinstance(method, partialmethod) and method.func is _django_display:
                setattr(model, name, partialmethod(_get_FIELD_display, field=field))
