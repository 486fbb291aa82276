"""Transition tables of the Board app (seats, nominations, meetings, decisions, experts)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SeatStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    RESIGNED = "resigned", _("Resigned")


SEAT_ALLOWED = {
    SeatStatus.ACTIVE: {SeatStatus.ACTIVE, SeatStatus.ENDED, SeatStatus.RESIGNED},
}


class NominationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    APPROVED = "approved", _("Approved (seated)")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


NOMINATION_ALLOWED = {
    NominationStatus.SUBMITTED: {NominationStatus.UNDER_REVIEW, NominationStatus.WITHDRAWN},
    NominationStatus.UNDER_REVIEW: {
        NominationStatus.UNDER_REVIEW,  # recording the eligibility check
        NominationStatus.APPROVED,
        NominationStatus.DECLINED,
        NominationStatus.WITHDRAWN,
    },
}

NOMINATION_OPEN = [NominationStatus.SUBMITTED, NominationStatus.UNDER_REVIEW]


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


MEETING_ALLOWED = {
    MeetingStatus.SCHEDULED: {
        MeetingStatus.SCHEDULED,
        MeetingStatus.HELD,
        MeetingStatus.CANCELLED,
    },
    MeetingStatus.HELD: {MeetingStatus.HELD},
}


class DecisionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


DECISION_ALLOWED = {
    DecisionStatus.OPEN: {DecisionStatus.IN_PROGRESS, DecisionStatus.DONE, DecisionStatus.DROPPED},
    DecisionStatus.IN_PROGRESS: {DecisionStatus.DONE, DecisionStatus.DROPPED, DecisionStatus.OPEN},
    DecisionStatus.DONE: {DecisionStatus.IN_PROGRESS},
    DecisionStatus.DROPPED: {DecisionStatus.OPEN},
}


class ExpertStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left the network")


EXPERT_ALLOWED = {
    ExpertStatus.INVITED: {ExpertStatus.APPLIED, ExpertStatus.DECLINED},
    ExpertStatus.APPLIED: {ExpertStatus.APPROVED, ExpertStatus.DECLINED},
    ExpertStatus.APPROVED: {ExpertStatus.LEFT},
}
