from .announcements import (
    announcement_create,
    announcement_edit,
    announcement_publish,
    announcement_schedule,
    announcement_withdraw,
)
from .newsletter import (
    newsletter_confirm,
    newsletter_subscribe,
    newsletter_unsubscribe,
    send_newsletter_digests,
)
from .pilots import pilot_designate, pilot_end, pilot_withdraw

__all__ = [
    "announcement_create",
    "announcement_edit",
    "announcement_publish",
    "announcement_schedule",
    "announcement_withdraw",
    "newsletter_confirm",
    "newsletter_subscribe",
    "newsletter_unsubscribe",
    "pilot_designate",
    "pilot_end",
    "pilot_withdraw",
    "send_newsletter_digests",
]
