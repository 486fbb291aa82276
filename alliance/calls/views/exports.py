"""Exports of a call (staff only): direct CSV downloads, and CSV or Excel files built in
the background for large calls, listed on the call's page."""

from itertools import chain

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.core import spreadsheets
from alliance.core.access import get_visible_or_404, staff_required
from alliance.core.files import file_response

from .. import services
from ..export_rows import LABELS, ROWS
from ..models import CallExport, ExportStatus
from ..permissions import get_staff_call


def _csv_response(request, call, kind):
    # alliance/core/spreadsheets.py: BOM, formula-like cells neutralised; the header in the
    # reader's language, or the stable keys with ?header=keys.
    rows = ROWS[kind](call)
    header = spreadsheets.header(next(rows), LABELS, request)
    return spreadsheets.csv_response(f"{call.reference}-{kind}.csv", chain([header], rows))


@staff_required("calls.view_call")
def applications_csv(request, pk):
    return _csv_response(request, get_staff_call(request.user, pk), "applications")


@staff_required("calls.view_call")
def ranking_csv(request, pk):
    return _csv_response(request, get_staff_call(request.user, pk), "ranking")


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
