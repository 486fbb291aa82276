"""Announcements: written by the secretariat (or proposed as drafts by the platform),
published now or at a date, withdrawn."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.i18n import Translations
from alliance.core.states import TransitionRefused

from ..models import Announcement

FIELDS = ("title", "summary", "body", "category", "publish_at", "call", "centre", "country")


def _clean(announcement: Announcement) -> None:
    # The model's own rules (English required, lengths, choices): a 422/form error, no 500.
    announcement.full_clean(exclude=["created_by", "proposed_by", "pilot"])


@transaction.atomic
def announcement_create(*, actor, proposed_by: str = "", pilot=None, **fields) -> Announcement:
    """A new draft. `actor=None` is the platform proposing one after an event."""
    if actor is not None:
        policy.require(actor, "news.announcement.manage")
    data = {k: v for k, v in fields.items() if k in FIELDS}
    for key in ("title", "summary", "body"):
        data[key] = Translations.of(data.get(key))
    announcement = Announcement(created_by=actor, proposed_by=proposed_by, pilot=pilot, **data)
    _clean(announcement)
    return kernel.create(announcement, actor=actor, verb="announcement.created")


@transaction.atomic
def announcement_edit(*, announcement_id: int, actor, **fields) -> Announcement:
    announcement = kernel.lock(Announcement, announcement_id)
    kernel.check(announcement, "edit", actor)
    changes = {k: v for k, v in fields.items() if k in FIELDS}
    for key in ("title", "summary", "body"):
        if key in changes:
            changes[key] = Translations.of(changes[key])
    for key, value in changes.items():
        setattr(announcement, key, value)
    _clean(announcement)
    return kernel.transition(announcement, "edit", actor=actor, fields=changes)


@transaction.atomic
def announcement_publish(*, announcement_id: int, actor) -> Announcement:
    """Published now, or scheduled when its publication date is still to come (the clock
    then publishes it at that second: the table's lapse)."""
    announcement = kernel.lock(Announcement, announcement_id)
    now = timezone.now()
    if announcement.publish_at and announcement.publish_at > now:
        return kernel.transition(announcement, "schedule", actor=actor)
    return kernel.transition(announcement, "publish", actor=actor, fields={"publish_at": now})


@transaction.atomic
def announcement_schedule(*, announcement_id: int, actor, publish_at) -> Announcement:
    announcement = kernel.lock(Announcement, announcement_id)
    kernel.check(announcement, "schedule", actor)
    if publish_at <= timezone.now():
        raise TransitionRefused(
            _("Give a publication date in the future, or publish now."), "date_past"
        )
    return kernel.transition(
        announcement, "schedule", actor=actor, fields={"publish_at": publish_at}
    )


@transaction.atomic
def announcement_withdraw(*, announcement_id: int, actor) -> Announcement:
    announcement = kernel.lock(Announcement, announcement_id)
    return kernel.transition(
        announcement, "withdraw", actor=actor, fields={"withdrawn_at": timezone.now()}
    )
