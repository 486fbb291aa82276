"""Reads of the centres app: the public registry, coverage tables, verification."""

import re
from collections import Counter
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from alliance.core.kernel import day_over
from alliance.core.models import Region, StrategicObjective

from .credentials import decode_bitstring, encode_bitstring
from .models import Accreditation, Centre, CentreType, FlagshipInitiative
from .models.accreditation import CODE_ALPHABET, CODE_LENGTH
from .states import (
    CURRENT_ACCREDITATION_STATUSES,
    NETWORK_STATUSES,
    AccreditationStatus,
    PublicStatus,
)

A = AccreditationStatus
CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


# Accreditations that keep a centre in the network until their end date.
HOLDING = [*CURRENT_ACCREDITATION_STATUSES, A.RENEWED, A.LAPSED]


def with_held_until(rows: QuerySet[Centre]) -> QuerySet[Centre]:
    """Annotate the last day a centre is held by an accreditation, so that its current
    status (CENTRE_TERM_OVER) reads "expired" from the second after it, job or no job."""
    last = (
        Accreditation.objects.filter(centre=OuterRef("pk"), status__in=HOLDING)
        .order_by("-end_date")
        .values("end_date")[:1]
    )
    return rows.annotate(held_until=Subquery(last))


def network_centres(today: date | None = None) -> QuerySet[Centre]:
    """The network as it stands now: accredited and suspended centres whose accreditation
    still runs today (an expiry counts from the day after the end date, job or no job)."""
    today = today or timezone.localdate()
    held = Accreditation.objects.filter(
        centre=OuterRef("pk"), status__in=HOLDING, end_date__gte=today
    )
    return Centre.objects.filter(Exists(held), status__in=NETWORK_STATUSES)


def next_registry_change(today: date | None = None):
    """The first second at which a term starts or ends from now on (the registry, a
    centre's page, the map and the coverage read differently from then)."""
    today = today or timezone.localdate()
    found = Accreditation.objects.filter(status__in=HOLDING).aggregate(
        end=Min("end_date", filter=Q(end_date__gte=today)),
        start=Min("start_date", filter=Q(start_date__gt=today)),
    )
    moments = [day_over(found["end"])]
    if found["start"]:
        moments.append(day_over(found["start"] - timedelta(days=1)))
    moments = [m for m in moments if m is not None]
    return min(moments) if moments else None


def registry_centres(filters: dict | None = None) -> QuerySet[Centre]:
    """Centres the public may see (accredited once), with what a registry row shows."""
    filters = filters or {}
    rows = with_held_until(Centre.objects.filter(listed_since__isnull=False))
    if filters.get("centre_type"):
        rows = rows.filter(centre_type=filters["centre_type"])
    if filters.get("region"):
        rows = rows.filter(country__region=filters["region"])
    if filters.get("country"):
        rows = rows.filter(country=filters["country"])
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("scope"):
        rows = rows.filter(scope=filters["scope"])
    if filters.get("objective"):
        rows = rows.filter(objectives=filters["objective"])
    if filters.get("q"):
        rows = rows.filter(
            Q(name__icontains=filters["q"]) | Q(host_organisation__name__icontains=filters["q"])
        )
    return (
        rows.select_related("centre_type", "country__region", "host_organisation")
        .prefetch_related(
            Prefetch("objectives", queryset=StrategicObjective.objects.order_by("order"))
        )
        .order_by("name", "id")
        .distinct()
    )


def current_accreditation(centre: Centre) -> Accreditation | None:
    """The accreditation in force, else the most recent one."""
    rows = centre.accreditations.exclude(status=A.SUPERSEDED).order_by("-start_date", "-id")
    today = timezone.localdate()
    for accreditation in rows:
        if accreditation.start_date <= today:
            return accreditation
    return rows.first()


def public_centre(pk: int) -> Centre:
    return (
        with_held_until(Centre.objects.filter(listed_since__isnull=False))
        .select_related("centre_type", "country__region", "host_organisation")
        .prefetch_related(
            "objectives",
            Prefetch(
                "initiatives",
                queryset=FlagshipInitiative.objects.prefetch_related("objectives").order_by(
                    "start_date", "id"
                ),
            ),
        )
        .get(pk=pk)
    )


def public_status(accreditation: Accreditation, today: date | None = None) -> str:
    """What anyone may know about an accreditation: valid, expired, suspended, revoked."""
    today = today or timezone.localdate()
    if accreditation.status == A.REVOKED:
        return PublicStatus.REVOKED
    if accreditation.status == A.SUSPENDED:
        return PublicStatus.SUSPENDED
    if accreditation.status == A.SUPERSEDED:
        return PublicStatus.SUPERSEDED
    if accreditation.status == A.EXPIRED or accreditation.end_date < today:
        return PublicStatus.EXPIRED
    return PublicStatus.VALID


def normalise_code(raw: str) -> str | None:
    """The stored form of a typed code (dashes and spaces dropped), or None if malformed."""
    code = re.sub(r"[\s-]", "", raw or "").upper()
    return code if CODE_RE.match(code) else None


def accreditation_by_code(raw: str) -> Accreditation | None:
    """Unknown and malformed codes give the same answer: None."""
    code = normalise_code(raw)
    if code is None:
        return None
    return (
        Accreditation.objects.select_related(
            "centre__country__region", "centre__host_organisation", "centre_type", "superseded_by"
        )
        .filter(code_filter(code))
        .first()
    )


def code_filter(code: str) -> Q:
    # Only accreditations of centres the registry lists can be verified.
    return Q(verification_code=code, centre__listed_since__isnull=False)


def status_list_indexes(purpose: str) -> list[int]:
    # A superseded credential is published as revoked (generic verifiers must stop relying
    # on it); the verification page and API say by which code (ADR 0020).
    statuses = [A.REVOKED, A.SUPERSEDED] if purpose == "revocation" else [A.SUSPENDED]
    return list(
        Accreditation.objects.filter(status__in=statuses).values_list(
            "status_list_index", flat=True
        )
    )


def current_status_lists() -> dict[str, bytes]:
    """The status lists as published, decoded again: local checks use the same bits."""
    return {
        purpose: decode_bitstring(encode_bitstring(status_list_indexes(purpose)))
        for purpose in ("revocation", "suspension")
    }


def centres_per_country() -> dict[str, int]:
    rows = network_centres().values("country__code").annotate(n=Count("id"))
    return {r["country__code"]: r["n"] for r in rows}


def coverage_tables() -> dict:
    """Centres per region x type and per region x objective (gaps show as zeros)."""
    regions = list(Region.objects.order_by("order"))
    types = list(CentreType.objects.order_by("order"))
    objectives = list(StrategicObjective.objects.order_by("order"))
    public = network_centres()
    by_type = Counter(
        {
            (r["country__region"], r["centre_type"]): r["n"]
            for r in public.values("country__region", "centre_type").annotate(n=Count("id"))
        }
    )
    by_objective = Counter(
        {
            (r["country__region"], r["objectives"]): r["n"]
            for r in public.filter(objectives__isnull=False)
            .values("country__region", "objectives")
            .annotate(n=Count("id"))
        }
    )
    return {
        "types": types,
        "objectives": objectives,
        "by_type": [(region, [by_type[(region.pk, t.pk)] for t in types]) for region in regions],
        "by_objective": [
            (region, [by_objective[(region.pk, o.pk)] for o in objectives]) for region in regions
        ],
    }


def staff_centres(filters: dict | None = None) -> QuerySet[Centre]:
    filters = filters or {}
    rows = with_held_until(Centre.objects.all())
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("q"):
        rows = rows.filter(name__icontains=filters["q"])
    return rows.select_related("centre_type", "country__region", "host_organisation").order_by(
        "name", "id"
    )


def current_accreditations_for(centres) -> dict[int, Accreditation]:
    """One query for a page of centres: their accreditation in force (or latest)."""
    ids = [c.pk for c in centres]
    result: dict[int, Accreditation] = {}
    rows = (
        Accreditation.objects.filter(centre_id__in=ids)
        .select_related("centre_type")
        .exclude(status=A.SUPERSEDED)
        .order_by("centre_id", "-start_date", "-id")
    )
    today = timezone.localdate()
    for accreditation in rows:
        held = result.get(accreditation.centre_id)
        if held is None or (held.start_date > today >= accreditation.start_date):
            result[accreditation.centre_id] = accreditation
    return result


def in_force(centre: Centre) -> Accreditation | None:
    return centre.accreditations.filter(status__in=CURRENT_ACCREDITATION_STATUSES).first()


def centre_cost(centre: Centre, flagship_initiatives: int):
    """The indicative annual cost (costs.py) for the centre's type, scope, ownership,
    objectives and flagship initiatives."""
    from .costs import estimate_cost

    return estimate_cost(
        figures=cost_version_on(),
        cost_class=centre.centre_type.cost_class,
        objectives=centre.objectives.count(),
        scope=centre.scope,
        ownership=centre.ownership,
        flagship_initiatives=flagship_initiatives,
    )


# --- the indicative cost model ----------------------------------------------------------


def cost_version_on(day: date | None = None):
    """The cost model version in effect on `day` (today by default): the latest one whose
    effective date has come (versions are created in effective-date order)."""
    from .models import CostModelVersion

    day = day or timezone.localdate()
    found = CostModelVersion.objects.filter(effective_from__lte=day).order_by("-number").first()
    found = found or CostModelVersion.objects.order_by("number").first()
    if found is None:
        # No version at all (never on a migrated database; a flushed one): version 1 again,
        # so that no estimate fails and each still names the figures it used.
        from .costs import FIRST_VERSION, FIRST_VERSION_START

        found, _created = CostModelVersion.objects.get_or_create(
            number=1,
            defaults={
                **FIRST_VERSION,
                "effective_from": FIRST_VERSION_START,
                "note": "The figures of the first release (centres/costs.py).",
            },
        )
    return found


def cost_versions():
    from .models import CostModelVersion

    return CostModelVersion.objects.select_related("created_by").order_by("-number")


def cost_figures(version) -> list[tuple[str, object, bool]]:
    """(label, value, is_factor) for each figure of a version, in the form's order."""
    from .costs import FIGURE_FIELDS

    rows = []
    for name in FIGURE_FIELDS:
        field = version._meta.get_field(name)
        rows.append(
            (
                str(field.verbose_name),
                getattr(version, name),
                name.startswith(("scope", "ownership", "range")),
            )
        )
    return rows


def next_cost_version_start():
    """The first second a planned cost model version takes effect (None if none is)."""
    from .models import CostModelVersion

    planned = (
        CostModelVersion.objects.filter(effective_from__gt=timezone.localdate())
        .order_by("effective_from")
        .values_list("effective_from", flat=True)
        .first()
    )
    return day_over(planned - timedelta(days=1)) if planned else None
