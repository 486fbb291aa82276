from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from alliance.core import kernel, policy, spreadsheets
from alliance.core.languages import supported

from ..models import Call, CallExport


@transaction.atomic
def export_request(*, call_id: int, actor, kind: str, fmt: str) -> CallExport:
    policy.require(actor, "calls.call.export")
    call = Call.objects.get(pk=call_id)
    if kind not in dict(CallExport.KINDS) or fmt not in dict(CallExport.FORMATS):
        raise ValueError("unknown export")
    export = CallExport.objects.create(call=call, kind=kind, format=fmt, requested_by=actor)
    kernel.record(call, actor=actor, verb="call.export_requested", after=str(export))
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


@task()
def build_export(export_id: int) -> None:
    from ..export_rows import LABELS, ROWS

    export = CallExport.objects.select_related("call", "requested_by").get(pk=export_id)
    # The worker has no request: the header is in the language of the person who asked.
    language = supported(getattr(export.requested_by, "preferred_language", None))
    try:
        with translation.override(language or settings.LANGUAGE_CODE):
            rows = ROWS[export.kind](export.call)
            rows = [spreadsheets.header(next(rows), LABELS), *rows]
        # alliance/core/spreadsheets.py: formula-like cells neutralised, dates as dates.
        if export.format == "xlsx":
            content = spreadsheets.xlsx_bytes(rows, export.kind)
        else:
            content = spreadsheets.csv_bytes(rows)
    except Exception:
        with transaction.atomic():
            failed = kernel.lock(CallExport, export_id)
            kernel.transition(failed, "fail", actor=None, fields={"finished_at": timezone.now()})
        raise
    with transaction.atomic():
        export = kernel.lock(CallExport, export_id, related=("call",))
        export.file.save(str(export), ContentFile(content), save=False)
        kernel.transition(
            export,
            "finish",
            actor=None,
            fields={"file": export.file, "finished_at": timezone.now()},
        )
