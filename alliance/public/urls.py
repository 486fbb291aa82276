from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("centre-types/", views.centre_types, name="centre_types"),
    path("key-dates/", views.key_dates, name="key_dates"),
    path("key-dates.ics", views.key_dates_ical, name="key_dates_ical"),
    path("open-data/", views.open_data, name="open_data"),
    path(
        "open-data/board-decisions.<str:fmt>",
        views.open_data_decisions,
        name="open_data_decisions",
    ),
    path("staff/key-dates/", views.milestone_list, name="milestone_list"),
    path("staff/key-dates/new/", views.milestone_create, name="milestone_create"),
    path("staff/key-dates/<int:pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path("staff/key-dates/<int:pk>/delete/", views.milestone_delete, name="milestone_delete"),
]
