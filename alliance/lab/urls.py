from django.urls import path

from . import agreement_views, edit_views, views

app_name = "lab"
urlpatterns = [
    path("requests/", views.queue, name="queue"),
    path("requests/mine/", views.my_assignments, name="my_assignments"),
    path("requests/ours/", views.organisation_requests, name="organisation_requests"),
    path("workload/", views.workload, name="workload"),
    path("organisations/<int:org_pk>/requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/triage/", views.request_triage, name="request_triage"),
    path("requests/<int:pk>/assign/", views.request_assign, name="request_assign"),
    path("requests/<int:pk>/decline/", views.request_decline, name="request_decline"),
    path("requests/<int:pk>/plan/", views.request_plan, name="request_plan"),
    path("requests/<int:pk>/agree/", views.request_agree, name="request_agree"),
    path(
        "requests/<int:pk>/milestones/<int:milestone_pk>/done/",
        views.milestone_done,
        name="milestone_done",
    ),
    path("requests/<int:pk>/deliver/", views.request_deliver, name="request_deliver"),
    path("requests/<int:pk>/close/", views.request_close, name="request_close"),
    path("requests/<int:pk>/documents/<int:doc_pk>/", views.document, name="document"),
    path("agreements/", agreement_views.agreement_list, name="agreement_list"),
    path("agreements/new/", agreement_views.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", agreement_views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", edit_views.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/status/", agreement_views.agreement_status, name="agreement_status"),
    path(
        "agreements/<int:pk>/projects/new/", agreement_views.project_create, name="project_create"
    ),
    path("projects/<int:pk>/", agreement_views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", edit_views.project_edit, name="project_edit"),
    path("projects/<int:pk>/status/", agreement_views.project_status, name="project_status"),
    path("projects/<int:pk>/items/", agreement_views.project_item_add, name="project_item_add"),
    path(
        "projects/<int:pk>/milestones/<int:item_pk>/done/",
        agreement_views.project_milestone_done,
        name="project_milestone_done",
    ),
    path(
        "projects/<int:pk>/deliverables/<int:item_pk>/deliver/",
        agreement_views.deliverable_deliver,
        name="deliverable_deliver",
    ),
    path(
        "agreements/<int:pk>/document/",
        agreement_views.agreement_document,
        name="agreement_document",
    ),
    path(
        "projects/<int:pk>/deliverables/<int:item_pk>/document/",
        agreement_views.deliverable_document,
        name="deliverable_document",
    ),
    path("centres/<int:centre_pk>/", agreement_views.centre_page, name="centre"),
]
