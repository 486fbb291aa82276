"""Machine endpoints outside the language prefix: the JWKS, the status lists and the
credential's JSON-LD context."""

from django.urls import path

from .views import public

app_name = "credentials"
urlpatterns = [
    path(".well-known/jwks.json", public.jwks, name="jwks"),
    path("credentials/status/<str:purpose>", public.status_list, name="status_list"),
    path("credentials/context/v1", public.credential_context, name="context"),
]
