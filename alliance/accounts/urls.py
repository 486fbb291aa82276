from django.urls import path

from . import views, views_orgs, views_staff_orgs

app_name = "accounts"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("staff/organisations/", views.organisation_directory_view, name="organisation_directory"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/invite/", views.invitation_create, name="invitation_create"),
    path(
        "organisations/<int:pk>/invitations/<int:invitation_pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organisations/<int:pk>/members/<int:membership_pk>/",
        views.membership_edit,
        name="membership_edit",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("staff/security/", views.security_policy, name="security_policy"),
    path("organisations/find/", views_orgs.organisation_find, name="organisation_find"),
    path(
        "organisations/<int:pk>/join/", views_orgs.join_request_create, name="join_request_create"
    ),
    path(
        "organisations/<int:pk>/membership-check/",
        views_orgs.check_request,
        name="check_request",
    ),
    path(
        "join-requests/<int:request_pk>/withdraw/",
        views_orgs.join_request_withdraw,
        name="join_request_withdraw",
    ),
    path(
        "join-requests/<int:request_pk>/approve/",
        views_orgs.join_request_approve,
        name="join_request_approve",
    ),
    path(
        "join-requests/<int:request_pk>/decline/",
        views_orgs.join_request_decline,
        name="join_request_decline",
    ),
    path("staff/waiting/", views_staff_orgs.waiting, name="staff_waiting"),
    path(
        "staff/organisations/<int:pk>/membership/",
        views_staff_orgs.membership_check,
        name="membership_check",
    ),
    path(
        "staff/organisations/<int:pk>/people/add/",
        views_staff_orgs.person_add,
        name="person_add",
    ),
    path(
        "staff/organisations/<int:pk>/focal-point/",
        views_staff_orgs.hand_over,
        name="hand_over",
    ),
    path(
        "staff/organisations/<int:pk>/merge/",
        views_staff_orgs.organisation_merge,
        name="organisation_merge",
    ),
    path("staff/itu-list/", views_staff_orgs.itu_list, name="itu_list"),
    path("staff/itu-list/import/", views_staff_orgs.itu_import, name="itu_import"),
    path("staff/itu-list/<int:entry_pk>/", views_staff_orgs.itu_entry_edit, name="itu_entry_edit"),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:token_pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
