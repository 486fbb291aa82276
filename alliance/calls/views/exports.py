"""Exports of a call (staff only): direct CSV downloads, and CSV or Excel files built in
the background for large calls, listed on the call's page."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.core.access import get_visible_or_404, staff_required
from alliance.core.files import file_response

from .. import services
from ..export_rows import ROWS
from ..models import CallExport, ExportStatus
from ..permissions import get_staff_call


def _csv_response(call, kind):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{call.reference}-{kind}.csv"'
    response.write("\ufeff")
    csv.writer(response).writerows(ROWS[kind](call))
    return response


@staff_required("calls.view_call")
def applications_csv(request, pk):
    return _csv_response(get_staff_call(request.user, pk), "applications")


@staff_required("calls.view_call")
def ranking_csv(request, pk):
    return _csv_response(get_staff_call(request.user, pk), "ranking")


@staff_required("calls.view_call")
@require_POST
def export_prepare(request, pk):
    call = get_staff_call(request.user, pk)
    kind, fmt = request.POST.get("kind"), request.POST.get("format")
    if kind not in dict(CallExport.KINDS) or fmt not in dict(CallExport.FORMATS):
        messages.error(request, _("Choose what to export and the format."))
    else:
        services.export_request(call_id=call.pk, actor=request.user, kind=kind, fmt=fmt)
        messages.success(
            request, _("The export is being prepared; it appears below when it is ready.")
        )
    return redirect("calls:staff_call", pk=call.pk)


@staff_required("calls.view_call")
def export_download(request, pk, export_pk):
    call = get_staff_call(request.user, pk)
    export = get_visible_or_404(call.exports.filter(status=ExportStatus.READY), pk=export_pk)
    return file_response(export.file, str(export))
