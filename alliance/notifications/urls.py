from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/open/", views.open_notification, name="open"),
    path("<int:pk>/mark/", views.mark, name="mark"),
    path("mark-all-read/", views.mark_all, name="mark_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("calendar/", views.calendar_feed, name="calendar"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

# Outside the language prefix: calendar programs keep one address.
feed_urlpatterns = [path("calendar/<str:token>.ics", views.feed, name="calendar_feed")]
