"""Machine endpoints outside the language prefix: the JWKS and the status lists."""

from django.urls import path

from .views import public

app_name = "credentials"
urlpatterns = [
    path(".well-known/jwks.json", public.jwks, name="jwks"),
    path("credentials/status/<str:purpose>", public.status_list, name="status_list"),
]
