from django.urls import path

from .views import catalogue, dashboards, lessons, reports

app_name = "monitoring"
urlpatterns = [
    path("indicators/", catalogue.indicator_list, name="indicator_list"),
    path("indicators/new/", catalogue.indicator_edit, name="indicator_create"),
    path("indicators/<int:pk>/", catalogue.indicator_edit, name="indicator_edit"),
    path("centres/<int:centre_pk>/", dashboards.centre_dashboard, name="centre_dashboard"),
    path(
        "centres/<int:centre_pk>/indicators/",
        dashboards.centre_indicator_set,
        name="centre_indicator_set",
    ),
    path(
        "centres/<int:centre_pk>/indicators/<int:ci_pk>/remove/",
        dashboards.centre_indicator_remove,
        name="centre_indicator_remove",
    ),
    path(
        "centres/<int:centre_pk>/indicators/<int:ci_pk>.svg",
        dashboards.centre_indicator_svg,
        name="centre_indicator_svg",
    ),
    path("centres/<int:centre_pk>/indicators.csv", dashboards.centre_csv, name="centre_csv"),
    path("centres/<int:centre_pk>/schedule/", dashboards.schedule_set, name="schedule_set"),
    path("network/", dashboards.network_dashboard, name="network"),
    path("network/<slug:name>.<str:fmt>", dashboards.network_chart, name="network_chart"),
    path("figures/", dashboards.figures, name="figures"),
    path("figures/assistance.<str:fmt>", dashboards.figures_chart, name="figures_chart"),
    path("reports/", reports.lab_reports, name="lab_reports"),
    path("reports/late/", reports.late_list, name="late_reports"),
    path("reports/ours/", reports.our_reports, name="our_reports"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/attach/", reports.report_attach, name="report_attach"),
    path(
        "reports/<int:pk>/attachments/<int:attachment_pk>/",
        reports.attachment,
        name="attachment",
    ),
    path("reports/<int:pk>/check/", reports.report_check, name="report_check"),
    path("reports/<int:pk>/submitted/", reports.report_submitted, name="report_submitted"),
    path("reports/<int:pk>/decide/", reports.report_decide, name="report_decide"),
    path("lessons/", lessons.library, name="lessons"),
    path("lessons/new/", lessons.lesson_create, name="lesson_create"),
    path("lessons/desk/", lessons.lesson_desk, name="lesson_desk"),
    path("lessons/<int:pk>/edit/", lessons.lesson_edit, name="lesson_edit"),
    path("lessons/<int:pk>/", lessons.lesson_detail, name="lesson_detail"),
    path("lessons/<int:pk>/status/", lessons.lesson_status, name="lesson_status"),
    path(
        "lessons/<int:pk>/attachments/<int:attachment_pk>/",
        lessons.lesson_attachment,
        name="lesson_attachment",
    ),
]
