import json
import logging

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .access import staff_required
from .audit_display import for_reader
from .forms import AuditFilterForm
from .paging import CappedPaginator
from .selectors import audit_events


@require_GET
@never_cache
def healthz(request):
    """Liveness for load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means not ready
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


AUDIT_PAGE_SIZE = 50
# Two hundred pages; older events are reached by filtering on dates (alliance/core/paging.py).
AUDIT_PAGED_EVENTS = 10_000


@staff_required("core.view_auditevent")
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events = audit_events(form.cleaned_data if form.is_valid() else {})
    page = CappedPaginator(events, AUDIT_PAGE_SIZE, cap=AUDIT_PAGED_EVENTS).get_page(
        request.GET.get("page")
    )
    page.object_list = for_reader(page.object_list)
    context = {"form": form, "page": page}
    if request.htmx and not form.errors:
        return render(request, "core/partials/audit_results.html", context)
    response = render(request, "core/audit_list.html", context)
    if request.htmx:  # errors: show the whole page with its error summary
        response["HX-Retarget"], response["HX-Reswap"] = "body", "outerHTML"
    return response


# A browser reports each blocked load here; a report is a few hundred bytes.
CSP_REPORT_MAX_BYTES = 16_384
csp_logger = logging.getLogger("alliance.csp")


@csrf_exempt
@require_POST
def csp_report(request):
    """Content-Security-Policy violation reports (report-uri): logged, never stored, so an
    operator sees a page the policy breaks. Anyone may post; bad bodies are ignored."""
    body = request.body[:CSP_REPORT_MAX_BYTES]
    try:
        report = json.loads(body or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    if isinstance(report, dict):
        report = report.get("csp-report", report)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    csp_logger.warning(
        "CSP violation: %s blocked %s on %s",
        str(report.get("violated-directive") or report.get("effectiveDirective"))[:200],
        str(report.get("blocked-uri") or report.get("blockedURL"))[:500],
        str(report.get("document-uri") or report.get("documentURL"))[:500],
    )
    return HttpResponse(status=204)
