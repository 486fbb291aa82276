"""Every write of the Board app. Split by area; import from here."""

from .experts import expert_apply, expert_decide, expert_invite, expert_leave
from .meetings import (
    agenda_item_add,
    attendance_record,
    co_chairs_elect,
    decision_publish,
    decision_record,
    decision_set_status,
    document_add,
    meeting_cancel,
    meeting_invite,
    meeting_schedule,
    meeting_update,
    minutes_record,
)
from .nominations import (
    nomination_approve,
    nomination_decline,
    nomination_record_eligibility,
    nomination_start_review,
    nomination_submit,
    nomination_withdraw,
)
from .seats import (
    expire_terms,
    link_account,
    member_designate,
    member_end,
    member_renew,
    send_term_reminders,
)

__all__ = [
    "agenda_item_add",
    "attendance_record",
    "co_chairs_elect",
    "decision_publish",
    "decision_record",
    "decision_set_status",
    "document_add",
    "expert_apply",
    "expert_decide",
    "expert_invite",
    "expert_leave",
    "expire_terms",
    "link_account",
    "meeting_cancel",
    "meeting_invite",
    "meeting_schedule",
    "meeting_update",
    "member_designate",
    "member_end",
    "member_renew",
    "minutes_record",
    "nomination_approve",
    "nomination_decline",
    "nomination_record_eligibility",
    "nomination_start_review",
    "nomination_submit",
    "nomination_withdraw",
    "send_term_reminders",
]
