from django.urls import path

from .feeds import AnnouncementsFeed
from .views import newsletter, public, staff

app_name = "news"
urlpatterns = [
    path("", public.announcement_list, name="list"),
    path("<int:pk>/", public.announcement_detail, name="detail"),
    path("feed.atom", AnnouncementsFeed(), name="feed"),
    path("<str:category>/feed.atom", AnnouncementsFeed(), name="category_feed"),
    path("pilots/", public.pilot_list, name="pilots"),
    path("countries/<str:code>/", public.country_page, name="country"),
    path("open-data/pilots.<str:fmt>", public.open_data_pilots, name="open_data_pilots"),
    path("newsletter/", newsletter.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/new/", staff.announcement_create, name="staff_create"),
    path("staff/<int:pk>/", staff.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/edit/", staff.announcement_edit, name="staff_edit"),
    path("staff/<int:pk>/<str:action>/", staff.announcement_action, name="staff_action"),
    path("staff/pilots/", staff.pilot_staff_list, name="staff_pilots"),
    path("staff/pilots/new/", staff.pilot_designate, name="pilot_designate"),
    path("staff/pilots/<int:pk>/<str:action>/", staff.pilot_action, name="pilot_action"),
]
