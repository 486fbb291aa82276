from django.db.models import Count, QuerySet

from .models import Organisation


def organisation_directory(filters: dict) -> QuerySet[Organisation]:
    rows = Organisation.objects.annotate(people=Count("memberships"))
    if filters.get("q"):
        rows = rows.filter(name__icontains=filters["q"]) | rows.filter(acronym__iexact=filters["q"])
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    if filters.get("region"):
        rows = rows.filter(country__in=filters["region"].countries.values("code"))
    if filters.get("country"):
        rows = rows.filter(country=filters["country"])
    return rows.order_by("name", "pk")
