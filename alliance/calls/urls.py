from django.urls import path

from .views import applicant, exports, public, reviewer, staff

app_name = "calls"
urlpatterns = [
    path("", public.call_list, name="list"),
    path("<int:pk>/", public.call_detail, name="detail"),
    path("<int:pk>/results/", public.call_results, name="results"),
    path("<int:pk>/results.<str:fmt>", public.call_results_data, name="results_data"),
    path("<int:pk>/apply/", applicant.application_start, name="apply"),
    path("applications/", applicant.my_applications, name="my_applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application_detail"),
    path(
        "applications/<int:pk>/section/<slug:section>/",
        applicant.application_section,
        name="application_section",
    ),
    path(
        "applications/<int:pk>/documents/",
        applicant.application_documents,
        name="application_documents",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/remove/",
        applicant.document_remove,
        name="document_remove",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/",
        applicant.document_download,
        name="document_download",
    ),
    path("applications/<int:pk>/check/", applicant.application_check, name="application_check"),
    path(
        "applications/<int:pk>/submitted/",
        applicant.application_submitted,
        name="application_submitted",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        applicant.application_withdraw,
        name="application_withdraw",
    ),
    path("reviews/", reviewer.queue, name="review_queue"),
    path("reviews/<int:pk>/", reviewer.review, name="review"),
    path(
        "reviews/<int:pk>/documents/<int:document_pk>/",
        reviewer.document_download,
        name="review_document",
    ),
    path("staff/", staff.call_list, name="staff_list"),
    path("staff/new/", staff.call_create, name="staff_create"),
    path("staff/<int:pk>/", staff.call_detail, name="staff_call"),
    path("staff/<int:pk>/edit/", staff.call_edit, name="staff_edit"),
    path("staff/<int:pk>/criteria/", staff.call_criteria, name="staff_criteria"),
    path("staff/<int:pk>/questions/", staff.call_questions, name="staff_questions"),
    path("staff/<int:pk>/do/<slug:action>/", staff.call_transition, name="staff_transition"),
    path("staff/<int:pk>/cancel/", staff.call_cancel, name="staff_cancel"),
    path("staff/<int:pk>/applications/", staff.call_applications, name="staff_applications"),
    path("staff/<int:pk>/assign/", staff.call_bulk_assign, name="staff_bulk_assign"),
    path("staff/<int:pk>/ranking/", staff.call_ranking, name="staff_ranking"),
    path("staff/<int:pk>/late/", staff.call_late_reviews, name="staff_late"),
    path("staff/<int:pk>/applications.csv", exports.applications_csv, name="export_applications"),
    path("staff/<int:pk>/ranking.csv", exports.ranking_csv, name="export_ranking"),
    path("staff/<int:pk>/exports/", exports.export_prepare, name="export_prepare"),
    path(
        "staff/<int:pk>/exports/<int:export_pk>/",
        exports.export_download,
        name="export_download",
    ),
    path("staff/reviews/<int:pk>/remind/", staff.assignment_remind, name="staff_remind"),
    path("staff/applications/<int:pk>/", staff.application_detail, name="staff_application"),
    path(
        "staff/applications/<int:pk>/documents/<int:document_pk>/",
        staff.staff_document_download,
        name="staff_document",
    ),
    path("staff/applications/<int:pk>/decide/", staff.application_decide, name="staff_decide"),
]
