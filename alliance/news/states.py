"""Transition tables of the news app: announcements, pilots, newsletter subscribers.

docs/states/news.md shows them. A scheduled announcement is published by the clock (a
lapse at its publication date), so it appears everywhere at that second whatever jobs ran.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Lapse, Machine


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


A = AnnouncementStatus
ANNOUNCEMENT = Machine(
    "news.Announcement",
    AnnouncementStatus,
    {
        "edit": Action(
            [A.DRAFT, A.SCHEDULED, A.PUBLISHED],
            None,
            "announcement.updated",
            rule="news.announcement.manage",
            refused=_("A withdrawn announcement can no longer be changed."),
            refused_code="not_editable",
        ),
        "publish": Action(
            [A.DRAFT], A.PUBLISHED, "announcement.published", rule="news.announcement.manage"
        ),
        "schedule": Action(
            [A.DRAFT], A.SCHEDULED, "announcement.scheduled", rule="news.announcement.manage"
        ),
        "withdraw": Action(
            [A.SCHEDULED, A.PUBLISHED],
            A.WITHDRAWN,
            "announcement.withdrawn",
            rule="news.announcement.manage",
        ),
        # The clock: a scheduled announcement is published at its date.
        "go_live": Action([A.SCHEDULED], A.PUBLISHED, "announcement.went_live"),
    },
    lapses=(Lapse("go_live", due=lambda a: a.publish_at),),
)


class PilotStatus(models.TextChoices):
    DESIGNATED = "designated", _("Designated")
    ENDED = "ended", _("Ended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


P = PilotStatus
PILOT = Machine(
    "news.Pilot",
    PilotStatus,
    {
        "end": Action([P.DESIGNATED], P.ENDED, "pilot.ended", rule="news.pilot.designate"),
        "withdraw": Action(
            [P.DESIGNATED], P.WITHDRAWN, "pilot.withdrawn", rule="news.pilot.designate"
        ),
    },
)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


S = SubscriberStatus
# Every action is the visitor's own, proven by a signed link rather than an account: the
# platform takes it for them (rule None).
SUBSCRIBER = Machine(
    "news.Subscriber",
    SubscriberStatus,
    {
        "confirm": Action([S.PENDING, S.CONFIRMED], S.CONFIRMED, "subscriber.confirmed"),
        "resubscribe": Action([S.UNSUBSCRIBED, S.PENDING], S.PENDING, "subscriber.resubscribed"),
        "unsubscribe": Action(
            [S.PENDING, S.CONFIRMED, S.UNSUBSCRIBED], S.UNSUBSCRIBED, "subscriber.unsubscribed"
        ),
        "send_digest": Action([S.CONFIRMED], None, "subscriber.digest_sent"),
    },
)

STATUS_TAGS = {
    "draft": "tag-grey",
    "scheduled": "tag-yellow",
    "published": "tag-green",
    "withdrawn": "tag-red",
    "designated": "tag-green",
    "ended": "tag-grey",
}
