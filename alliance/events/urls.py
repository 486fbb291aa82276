from django.urls import path

from .views import organisations, public, staff

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("past/", public.past_list, name="past"),
    path("mine/", public.my_registrations, name="mine"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("<int:pk>/register/", public.register, name="register"),
    path("<int:pk>/materials/<int:material_pk>/", public.material_file, name="material_file"),
    path("registrations/<int:pk>/cancel/", public.cancel, name="cancel"),
    path(
        "organisations/<int:pk>/",
        organisations.organisation_registrations,
        name="organisation_registrations",
    ),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/new/", staff.create, name="create"),
    path("staff/<int:pk>/", staff.manage, name="manage"),
    path("staff/<int:pk>/edit/", staff.edit, name="edit"),
    path("staff/<int:pk>/publish/", staff.publish, name="publish"),
    path("staff/<int:pk>/cancel/", staff.cancel_event, name="cancel_event"),
    path("staff/<int:pk>/attendance/", staff.attendance, name="attendance"),
    path("staff/<int:pk>/materials/", staff.material_add, name="material_add"),
    path("staff/<int:pk>/registrations.<str:fmt>", staff.export, name="export"),
]
