from django.urls import path

from . import views

app_name = "joining"
urlpatterns = [
    path("which-centre-type/", views.which_centre_type, name="which_centre_type"),
    path("verify/", views.verify, name="verify"),
    path("verify/file/", views.verify_file, name="verify_file"),
    path("organisations/<int:org_pk>/", views.organisation_joining, name="organisation"),
    path(
        "organisations/<int:org_pk>/interest/new/",
        views.expression_create,
        name="expression_create",
    ),
    path("interest/<int:pk>/", views.expression_detail, name="expression_detail"),
    path("interest/<int:pk>/edit/", views.expression_edit, name="expression_edit"),
    path("interest/<int:pk>/submit/", views.expression_submit, name="expression_submit"),
    path(
        "interest/<int:pk>/acknowledge/",
        views.expression_acknowledge,
        name="expression_acknowledge",
    ),
    path("interest/<int:pk>/decline/", views.expression_decline, name="expression_decline"),
    path("interest/<int:pk>/assessment/", views.assessment_start, name="assessment_start"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/tasks/", views.assessment_tasks, name="assessment_tasks"),
    path(
        "assessments/<int:pk>/sections/<slug:section>/",
        views.assessment_section,
        name="assessment_section",
    ),
    path("assessments/<int:pk>/check/", views.assessment_check, name="assessment_check"),
    path(
        "assessments/<int:pk>/submitted/",
        views.assessment_submitted,
        name="assessment_submitted",
    ),
    path(
        "assessments/<int:pk>/review/",
        views.assessment_start_review,
        name="assessment_start_review",
    ),
    path("assessments/<int:pk>/complete/", views.assessment_complete, name="assessment_complete"),
    path("assessments/<int:pk>/report.pdf", views.assessment_report, name="assessment_report"),
    path("assessments/<int:pk>/profile/", views.assessment_profile, name="assessment_profile"),
    path(
        "assessments/<int:assessment_pk>/declaration/new/",
        views.declaration_create,
        name="declaration_create",
    ),
    path("declarations/<int:pk>/", views.declaration_detail, name="declaration_detail"),
    path("declarations/<int:pk>/sign/", views.declaration_sign, name="declaration_sign"),
    path(
        "declarations/<int:pk>/countersign/",
        views.declaration_countersign,
        name="declaration_countersign",
    ),
    path(
        "declarations/<int:pk>/withdraw/", views.declaration_withdraw, name="declaration_withdraw"
    ),
    path(
        "declarations/<int:pk>/document.pdf",
        views.declaration_document,
        name="declaration_document",
    ),
    path("declarations/<int:pk>/copy.pdf", views.declaration_copy, name="declaration_copy"),
    path("queues/<slug:kind>/", views.queue, name="queue"),
]
