"""`Idempotency-Key` for the API's writes: a retried POST never makes two objects.

A client that sends a write and loses the answer (a timeout, a dropped connection) cannot
know whether it was taken. With the same `Idempotency-Key` header it sends it again and
gets the stored answer of the first attempt, marked `Idempotent-Replayed: true`, and
nothing is done twice. The key is claimed (a row with a unique (user, key)) in its own
transaction before the write runs, so that a second attempt arriving while the first is
still running is refused (409) instead of running alongside it. A write that fails is not
stored: its claim is dropped, nothing was made, and the client may try again with the same
key. A key used again for another request (another path or body) is refused (422).
"""

import hashlib
import json
import re
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.http.request import RawPostDataException
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from .models import IdempotencyKey

HEADER = "Idempotency-Key"
# Visible ASCII only (a UUID, a hash, a client's own counter): no spaces, no NUL.
KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
# A claim whose write never finished (the process died) is given up after this long.
ABANDONED = timedelta(minutes=5)
# Stored answers are kept this long (`prune`, a scheduled job: alliance/core/schedule.py).
# A client retries within minutes; a day covers a night's outage of a ministry's batch.
KEPT = timedelta(hours=24)


def _body_parts(request) -> list:
    try:
        return [request.body]
    except RawPostDataException:
        # A multipart upload was streamed into request.POST and FILES: its fields and the
        # contents of its files stand for the body.
        parts = [f"{k}={v}" for k, v in sorted(request.POST.lists())]
        for name, uploads in sorted(request.FILES.lists()):
            for upload in uploads:
                content = hashlib.sha256()
                for chunk in upload.chunks():
                    content.update(chunk)
                upload.seek(0)
                parts.append(f"{name}:{upload.name}:{content.hexdigest()}")
        return parts


def _fingerprint(request) -> str:
    digest = hashlib.sha256()
    for part in (request.method, request.path, *_body_parts(request)):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _claim(user, key: str, fingerprint: str) -> IdempotencyKey | HttpResponse:
    """The new claim, or the stored answer of an earlier attempt."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return IdempotencyKey.objects.create(user=user, key=key, fingerprint=fingerprint)
        except IntegrityError:
            row = IdempotencyKey.objects.filter(user=user, key=key).first()
        if row is None:  # dropped in between by a failed attempt: claim it again
            continue
        if row.fingerprint != fingerprint:
            raise HttpError(422, _("This Idempotency-Key was already used for another request."))
        if row.status_code is not None:
            response = _json(row.response, row.status_code)
            response["Idempotent-Replayed"] = "true"
            return response
        if row.created_at > timezone.now() - ABANDONED:
            raise HttpError(409, _("A request with this Idempotency-Key is still being processed."))
        row.delete()
    raise HttpError(409, _("A request with this Idempotency-Key is still being processed."))


def _json(body, status: int = 200) -> HttpResponse:
    # Already validated and dumped by the operation's schema: sent as is (validating it
    # again would read the dumped texts as untranslated values).
    return HttpResponse(json.dumps(body), status=status, content_type="application/json")


def idempotent(request, user, compute, dump, status: int = 200) -> HttpResponse:
    """Run `compute()` once per (user, key): `dump(result)` is the JSON-ready answer that
    is stored and returned with `status` (both replayed as they are on a retry: a create
    answers 201 again). Without the header, just run."""
    key = request.headers.get(HEADER)
    if key is None or user is None:
        return _json(dump(compute()), status)
    if not KEY.match(key):
        raise HttpError(
            400, _("The Idempotency-Key header must be 1 to 200 visible ASCII characters.")
        )
    claim = _claim(user, key, _fingerprint(request))
    if isinstance(claim, HttpResponse):
        return claim
    try:
        body = dump(compute())
    except BaseException:
        claim.delete()
        raise
    claim.status_code = status
    claim.response = body
    claim.save(update_fields=["status_code", "response"])
    return _json(body, status)


def prune(now=None) -> int:
    """Forget the answers older than KEPT; a retry comes within minutes, not weeks."""
    now = now or timezone.now()
    deleted, _rows = IdempotencyKey.objects.filter(created_at__lt=now - KEPT).delete()
    return deleted
