from django.urls import path

from .views import experts, meetings, members, nominations, public, seats

app_name = "board"
urlpatterns = [
    path("", public.board, name="board"),
    path("decisions/", public.decisions, name="decisions"),
    path("experts/", public.experts, name="experts"),
    path("experts/apply/", experts.expert_apply, name="expert_apply"),
    path("experts/leave/", experts.expert_leave, name="expert_leave"),
    path("members-area/", members.member_area, name="member_area"),
    path("members-area/meetings/<int:pk>/", members.member_meeting, name="member_meeting"),
    path("members-area/papers/<int:pk>/", members.paper, name="paper"),
    path("nominations/", nominations.nomination_list, name="nominations"),
    path("nominations/new/", nominations.nomination_create, name="nomination_create"),
    path("nominations/new/check/", nominations.nomination_check, name="nomination_check"),
    path(
        "nominations/<int:pk>/submitted/",
        nominations.nomination_submitted,
        name="nomination_submitted",
    ),
    path("nominations/<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/cv/", nominations.nomination_cv, name="nomination_cv"),
    path(
        "nominations/<int:pk>/withdraw/",
        nominations.nomination_withdraw,
        name="nomination_withdraw",
    ),
    path("nominations/<int:pk>/review/", nominations.nomination_review, name="nomination_review"),
    path(
        "nominations/<int:pk>/eligibility/",
        nominations.nomination_eligibility,
        name="nomination_eligibility",
    ),
    path(
        "nominations/<int:pk>/approve/", nominations.nomination_approve, name="nomination_approve"
    ),
    path(
        "nominations/<int:pk>/decline/", nominations.nomination_decline, name="nomination_decline"
    ),
    path("staff/", seats.staff_home, name="staff_home"),
    path("staff/nominations/", nominations.nomination_queue_view, name="nomination_queue"),
    path("staff/seats/", seats.seat_list, name="seat_list"),
    path("staff/seats/designate/", seats.designate, name="designate"),
    path("staff/seats/<int:pk>/", seats.seat_detail, name="seat_detail"),
    path("staff/seats/<int:pk>/edit/", seats.seat_edit, name="seat_edit"),
    path("staff/seats/<int:pk>/renew/", seats.seat_renew, name="seat_renew"),
    path("staff/seats/<int:pk>/end/", seats.seat_end, name="seat_end"),
    path("staff/meetings/", meetings.meeting_list, name="meeting_list"),
    path("staff/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("staff/meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("staff/meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("staff/meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("staff/meetings/<int:pk>/invite/", meetings.meeting_invite, name="meeting_invite"),
    path("staff/meetings/<int:pk>/agenda/", meetings.agenda_add, name="agenda_add"),
    path("staff/meetings/<int:pk>/papers/", meetings.paper_add, name="paper_add"),
    path("staff/meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("staff/meetings/<int:pk>/minutes/", meetings.minutes, name="minutes"),
    path(
        "staff/meetings/<int:pk>/decisions/new/", meetings.decision_create, name="decision_create"
    ),
    path("staff/meetings/<int:pk>/election/", meetings.election, name="election"),
    path("staff/decisions/<int:pk>/status/", meetings.decision_status, name="decision_status"),
    path("staff/decisions/<int:pk>/publish/", meetings.decision_publish, name="decision_publish"),
    path("staff/experts/", experts.expert_queue, name="expert_queue"),
    path("staff/experts/invite/", experts.expert_invite, name="expert_invite"),
    path("staff/experts/<int:pk>/decide/", experts.expert_decide, name="expert_decide"),
]
