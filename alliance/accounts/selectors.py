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


def holders_of(perm: str) -> QuerySet:
    """Active users granted `perm` ("app.codename"), through a staff-role group or
    directly: who may do a thing, whatever their role is called. Subqueries rather than
    joins, so that callers can annotate counts per user."""
    from django.db.models import Q

    from .models import User

    app_label, codename = perm.split(".")
    through_group = User.objects.filter(
        groups__permissions__content_type__app_label=app_label,
        groups__permissions__codename=codename,
    ).values("pk")
    direct = User.objects.filter(
        user_permissions__content_type__app_label=app_label,
        user_permissions__codename=codename,
    ).values("pk")
    return User.objects.filter(Q(pk__in=through_group) | Q(pk__in=direct), is_active=True)


def organisation_people(organisation_id, *, managers_only: bool = True) -> QuerySet:
    """The active people of an organisation: its focal points and authorised signatories
    (the default), or every member. The usual recipients of a message about its work."""
    from .models import User
    from .policy import MANAGER_ROLES

    people = User.objects.filter(is_active=True, memberships__organisation_id=organisation_id)
    if managers_only:
        people = people.filter(memberships__role__in=MANAGER_ROLES)
    return people.distinct().order_by("pk")


def staff_in(*roles) -> QuerySet:
    """Active members of the given staff-role groups."""
    from .models import User

    return (
        User.objects.filter(is_active=True, groups__name__in=[str(r) for r in roles])
        .distinct()
        .order_by("pk")
    )


def find_organisations(q: str) -> QuerySet[Organisation]:
    """Organisations a person may ask to join, by name or acronym (at most 25)."""
    from django.db.models import Exists, OuterRef, Q

    from .models import Membership

    q = q.strip()
    return (
        Organisation.objects.filter(Q(name__icontains=q) | Q(acronym__iexact=q))
        .annotate(has_people=Exists(Membership.objects.filter(organisation=OuterRef("pk"))))
        .order_by("name", "pk")[:25]
    )


def waiting_for_secretariat():
    """Claims of organisations nobody runs, and organisations waiting for a membership check."""
    from .models import ItuVerification, JoinRequest, JoinRequestKind, JoinRequestStatus

    claims = JoinRequest.objects.filter(
        kind=JoinRequestKind.CLAIM, status=JoinRequestStatus.PENDING
    ).select_related("organisation", "user")
    checks = Organisation.objects.filter(itu_status=ItuVerification.PENDING).order_by("name")
    return claims, checks
