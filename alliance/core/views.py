from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .access import staff_required
from .audit_display import for_reader
from .forms import AuditFilterForm
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


@staff_required("core.view_auditevent")
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events = audit_events(form.cleaned_data if form.is_valid() else {})
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    page.object_list = for_reader(page.object_list)
    context = {"form": form, "page": page}
    if request.htmx and not form.errors:
        return render(request, "core/partials/audit_results.html", context)
    response = render(request, "core/audit_list.html", context)
    if request.htmx:  # errors: show the whole page with its error summary
        response["HX-Retarget"], response["HX-Reswap"] = "body", "outerHTML"
    return response
