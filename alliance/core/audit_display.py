"""The audit trail as its reader reads it: a sentence for each event and the values it
recorded (statuses, dates, numbers, field names) in the reader's language.

The kernel stores events as data (a verb, before and after as JSON: status values, ISO
dates, field names), never as sentences, so that each reader sees them in their own
language; this module turns that data into text when the page is drawn.
"""

import re
from collections import defaultdict
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit_verbs import VERBS
from .formatting import ldate, ldatetime, number
from .kernel.machines import MACHINES

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")

# Keys the services record that are not fields of the object.
KEY_LABELS = {
    "changed": gettext_lazy("changed"),
    "comments": gettext_lazy("comments"),
    "days_before": gettext_lazy("days before"),
    "days_left": gettext_lazy("days left"),
    "due": gettext_lazy("due"),
    "eligible": gettext_lazy("eligible"),
    "from": gettext_lazy("from"),
    "member": gettext_lazy("member"),
    "months": gettext_lazy("months"),
    "note": gettext_lazy("note"),
    "organisation": gettext_lazy("organisation"),
    "reason": gettext_lazy("reason"),
    "revision": gettext_lazy("revision"),
    "source": gettext_lazy("source"),
    "start": gettext_lazy("start"),
    "status": gettext_lazy("status"),
    "title": gettext_lazy("title"),
    "to": gettext_lazy("to"),
    "type": gettext_lazy("type"),
}


def sentence(event, model) -> str:
    if event.verb in VERBS:
        return str(VERBS[event.verb])
    kind = model._meta.verbose_name if model else _("object")
    return _("Change to %(type)s") % {"type": kind}


def key_label(model, key: str) -> str:
    try:
        label = str(model._meta.get_field(key).verbose_name) if model else ""
    except FieldDoesNotExist:
        label = ""
    label = label or str(KEY_LABELS.get(key, key.replace("_", " ")))
    return label[:1].upper() + label[1:]


def _choice_label(model, key, text: str) -> str | None:
    if model is None:
        return None
    if key in (None, "status"):
        machine = MACHINES.get(model._meta.label)
        if machine and text in machine.states.values:
            return str(machine.states(text).label)
    if key:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            return None
        choices = dict(getattr(field, "flatchoices", None) or [])
        if text in choices:
            return str(choices[text])
    return None


def show(value, model=None, key=None) -> str:
    """One recorded value as text for the reader."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal):
        return number(value)
    if isinstance(value, list):
        if key == "changed":
            return ", ".join(key_label(model, str(name)).lower() for name in value)
        return ", ".join(show(item, model) for item in value)
    if isinstance(value, dict):
        # "Due: 8 January 2027"; French puts a space before the colon.
        return "; ".join(
            _("%(key)s: %(value)s")
            % {"key": key_label(model, str(k)), "value": show(v, model, str(k))}
            for k, v in value.items()
        )
    text = str(value)
    label = _choice_label(model, key, text)
    if label:
        return label
    if ISO_DATETIME.match(text):
        return ldatetime(text)
    if ISO_DATE.fullmatch(text):
        return ldate(text)
    return text


def _live_objects(events) -> dict:
    """The objects the events are about, one query per kind: their names are then drawn
    in the reader's language rather than the writer's.

    Many names are made of the objects they belong to (a report is "centre – period", an
    accreditation names its centre, a declaration its organisation): `select_related()`
    brings those along in the same query. Without it a page of fifty events read each
    owner one by one (47 queries at ten-year volume)."""
    wanted = defaultdict(set)
    for event in events:
        if event.content_type_id and event.object_id:
            wanted[event.content_type_id].add(event.object_id)
    live = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        try:
            keys = [model._meta.pk.to_python(pk) for pk in ids]
        except ValidationError:
            continue
        for pk, obj in model._default_manager.select_related().in_bulk(keys).items():
            live[(type_id, str(pk))] = obj
    return live


def for_reader(events) -> list:
    """The events with `sentence`, `object_name`, `before_text`, `after_text` set."""
    events = list(events)
    live = _live_objects(events)
    for event in events:
        model = event.content_type.model_class() if event.content_type_id else None
        obj = live.get((event.content_type_id, event.object_id))
        event.sentence = sentence(event, model)
        event.type_name = str(model._meta.verbose_name) if model else ""
        event.object_name = str(obj) if obj is not None else event.object_repr
        event.before_text = "" if event.before is None else show(event.before, model)
        event.after_text = "" if event.after is None else show(event.after, model)
    return events
