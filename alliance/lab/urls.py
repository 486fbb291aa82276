from django.urls import path

from . import views

app_name = "lab"
urlpatterns = [
    path("requests/", views.queue, name="queue"),
    path("organisations/<int:org_pk>/requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/triage/", views.request_triage, name="request_triage"),
    path("requests/<int:pk>/assign/", views.request_assign, name="request_assign"),
    path("requests/<int:pk>/decline/", views.request_decline, name="request_decline"),
]
