"""Every write of the events app, shared by the pages, the API and the scheduler."""

from .events import (
    EVENT_FIELDS,
    attendance_mark,
    attendance_record,
    event_cancel,
    event_create,
    event_publish,
    event_update,
    material_add,
)
from .registrations import (
    registration_cancel,
    registration_create,
    send_reminders,
)

__all__ = [
    "EVENT_FIELDS",
    "attendance_mark",
    "attendance_record",
    "event_cancel",
    "event_create",
    "event_publish",
    "event_update",
    "material_add",
    "registration_cancel",
    "registration_create",
    "send_reminders",
]
