"""Public pages: registry, centre page, map, coverage, open data, verification."""

from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from alliance.core import opendata, spreadsheets
from alliance.core.cache import changes_at, public_page
from alliance.core.formatting import ldate
from alliance.core.models import Country
from alliance.core.site import site_url
from alliance.news.selectors import current_pilots, pilot_centre_ids, pilot_country_codes

from ..cache import REGISTRY, centre_pages
from ..credentials import verify_credential
from ..forms import RegistryFilterForm, VerifyForm
from ..models import Centre
from ..selectors import (
    accreditation_by_code,
    centres_per_country,
    coverage_tables,
    current_accreditation,
    current_accreditations_for,
    current_status_lists,
    next_registry_change,
    normalise_code,
    public_centre,
    public_status,
    registry_centres,
)
from ..states import PublicStatus
from ..worldmap import world_map_svg

PER_PAGE = 25


def dated(view):
    """A term that starts or ends changes what the registry pages say, at midnight: no
    cached copy outlives the next such day (one query, only when a copy is stored)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        changes_at(request, next_registry_change)
        return view(request, *args, **kwargs)

    return wrapped


@public_page(REGISTRY)
@dated
def registry(request):
    form = RegistryFilterForm(request.GET or None)
    page = Paginator(registry_centres(form.filters()), PER_PAGE).get_page(request.GET.get("page"))
    accreditations = current_accreditations_for(page.object_list)
    rows = [(c, accreditations.get(c.pk)) for c in page.object_list]
    return render(
        request,
        "centres/registry.html",
        {
            "filter_form": form,
            "page": page,
            "rows": rows,
            "pilots": list(current_pilots()),
            "pilot_ids": pilot_centre_ids(page.object_list),
        },
    )


@public_page(centre_pages)
@dated
def detail(request, pk):
    try:
        centre = public_centre(pk)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc
    accreditation = current_accreditation(centre)
    status = public_status(accreditation) if accreditation else None
    return render(
        request,
        "centres/detail.html",
        {
            "centre": centre,
            "accreditation": accreditation,
            "public_status": status,
            "accreditation_label": PublicStatus(status).label if status else "",
            "type_periods": centre.type_periods.select_related("centre_type"),
            "jwks_url": site_url(reverse("credentials:jwks")),
        },
    )


@public_page(REGISTRY)
@dated
def map_page(request):
    names = {c.code.code: c.name for c in Country.objects.filter(centres__isnull=False)}
    counts = sorted(
        ((code, names.get(code, code), n) for code, n in centres_per_country().items()),
        key=lambda row: row[1],
    )
    pilots = pilot_country_codes()
    return render(request, "centres/map.html", {"counts": counts, "pilot_codes": pilots})


# Compressed inside the cache: the copy kept is the compressed one (gzip per request was
# most of the map's cost: 0.17 of /healthz), per encoding the reader accepts.
@public_page(REGISTRY)
@gzip_page
@dated
def map_svg(request):
    svg = world_map_svg(centres_per_country(), pilot_country_codes())
    response = HttpResponse(svg, content_type="image/svg+xml")
    # Its own policy: the map's <style> element, nothing else (no script).
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@public_page(REGISTRY)
@dated
def coverage(request):
    return render(request, "centres/coverage.html", coverage_tables())


def _open_data_rows():
    centres = list(registry_centres())
    accreditations = current_accreditations_for(centres)
    for centre in centres:
        accreditation = accreditations.get(centre.pk)
        yield {
            "id": centre.pk,
            "name": centre.name,
            "type": centre.centre_type.code,
            "scope": centre.scope,
            "ownership": centre.ownership,
            "host_organisation": centre.host_organisation.name,
            "country": centre.country.code.code,
            "region": centre.country.region.code,
            "objectives": [o.code for o in centre.objectives.all()],
            "status": centre.current_status,
            "accreditation_start": accreditation.start_date.isoformat() if accreditation else "",
            "accreditation_end": accreditation.end_date.isoformat() if accreditation else "",
            "accreditation_status": public_status(accreditation) if accreditation else "",
            "website": centre.website,
        }


# The open-data file's columns: a label per language for people, the key for scripts.
REGISTRY_COLUMNS = {
    "id": gettext_lazy("Identifier"),
    "name": gettext_lazy("Name"),
    "type": gettext_lazy("Centre type"),
    "scope": gettext_lazy("Scope"),
    "ownership": gettext_lazy("Ownership model"),
    "host_organisation": gettext_lazy("Host organisation"),
    "country": gettext_lazy("Country"),
    "region": gettext_lazy("Region"),
    "objectives": gettext_lazy("Strategic objectives"),
    "status": gettext_lazy("Status"),
    "accreditation_start": gettext_lazy("Accredited from"),
    "accreditation_end": gettext_lazy("Accredited until"),
    "accreditation_status": gettext_lazy("Accreditation status"),
    "website": gettext_lazy("Website"),
}


@public_page(REGISTRY)
@dated
def export_csv(request):
    fields = [
        "id",
        "name",
        "type",
        "scope",
        "ownership",
        "host_organisation",
        "country",
        "region",
        "objectives",
        "status",
        "accreditation_start",
        "accreditation_end",
        "accreditation_status",
        "website",
    ]
    # UTF-8 with a BOM, formula-like cells neutralised (alliance/core/spreadsheets.py);
    # headers in the reader's language, or the stable keys with ?header=keys.
    header = spreadsheets.header(fields, REGISTRY_COLUMNS, request)
    return opendata.csv_response(
        "acceleration-centres.csv", fields, _open_data_rows(), header=header
    )


@public_page(REGISTRY)
@dated
def export_json(request):
    response = JsonResponse(
        {
            "generated": timezone.now().isoformat(),
            "licence": opendata.licence(),
            "centres": list(_open_data_rows()),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Content-Disposition"] = 'attachment; filename="acceleration-centres.json"'
    return response


# What the verification page says for each public status.
VERDICTS = {
    PublicStatus.VALID: gettext_lazy("This accreditation is valid."),
    PublicStatus.EXPIRED: gettext_lazy("This accreditation has expired."),
    PublicStatus.SUSPENDED: gettext_lazy("This accreditation is suspended by the BDT Director."),
    PublicStatus.REVOKED: gettext_lazy("This accreditation was revoked by the BDT Director."),
    # Said with the new code (see _result_context); this is for a row without a successor.
    PublicStatus.SUPERSEDED: gettext_lazy(
        "This accreditation was superseded by a reissued one after the centre moved to "
        "another type."
    ),
}


def _result_context(accreditation):
    if accreditation is None:
        return {"found": False}
    status = public_status(accreditation)
    verdict = VERDICTS[status]
    if status == PublicStatus.VALID and accreditation.start_date > timezone.localdate():
        verdict = _(
            "This accreditation renews the centre's current one and takes effect on %(start)s."
        ) % {"start": ldate(accreditation.start_date)}
    successor = accreditation.reissue if status == PublicStatus.SUPERSEDED else None
    if successor is not None:
        verdict = _(
            "This accreditation was superseded by %(code)s, issued when the centre moved to "
            "another type. Check that code for the accreditation in force."
        ) % {"code": successor.display_code}
    return {
        "superseded_by": successor,
        "found": True,
        "accreditation": accreditation,
        "centre": accreditation.centre,
        "public_status": status,
        "status_label": PublicStatus(status).label,
        "is_valid": status == PublicStatus.VALID,
        "verdict": verdict,
    }


@require_http_methods(["GET", "POST"])
def verify(request):
    """A code typed or a credential file uploaded; the answer never says more than the
    registry: a malformed code and an unknown code get the same answer."""
    form = VerifyForm(request.POST, request.FILES) if request.method == "POST" else VerifyForm()
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data.get("token")
        if token:
            result = verify_credential(token, current_status_lists())
            accreditation = (
                accreditation_by_code(result.code) if result.outcome != "invalid" else None
            )
            context.update(_result_context(accreditation))
            context.update({"checked": True, "credential_outcome": result.outcome})
            return render(request, "centres/verify.html", context)
        code = normalise_code(form.cleaned_data["code"]) or "unknown"
        return redirect("centres:verify_code", code=code)
    return render(request, "centres/verify.html", context)


def verify_code(request, code):
    context = {"form": VerifyForm(initial={"code": code}), "checked": True}
    context.update(_result_context(accreditation_by_code(code)))
    return render(request, "centres/verify.html", context)


def jwks(request):
    from ..credentials import public_jwks

    response = JsonResponse(public_jwks())
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def status_list(request, purpose):
    from ..credentials import MEDIA_TYPE, PURPOSES, status_list_credential
    from ..selectors import status_list_indexes

    if purpose not in PURPOSES:
        raise Http404
    response = HttpResponse(
        status_list_credential(purpose, status_list_indexes(purpose)), content_type=MEDIA_TYPE
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response


def credential_context(request):
    from ..credential_context import context_document

    response = JsonResponse(context_document(), content_type="application/ld+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@public_page(centre_pages)
@dated
def public_credential(request, pk):
    """The centre's current accreditation credential, for anyone to check with their own
    tools (the registry shows the same facts)."""
    try:
        centre = public_centre(pk)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc
    accreditation = current_accreditation(centre)
    if accreditation is None or not accreditation.credential_jwt:
        raise Http404
    response = HttpResponse(accreditation.credential_jwt, content_type="application/vc+jwt")
    name = f"accreditation-{accreditation.verification_code}.jwt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
