"""The signatory's nomination draft, kept in the session between the form and the
"check your answers" page. Nothing is written to the Nomination table until the signatory
submits from the check page, so the lifecycle, the duplicate check and the audit trail stay
those of `nomination_submit`. The CV is kept as a temporary file in the default storage
under a random name in an unguessable folder (its name stays in the session), and removed
once the nomination is submitted."""

import secrets
from datetime import timedelta

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from alliance.core.files import original_name, random_basename

SESSION_KEY = "board_nomination_draft"
DRAFT_CV_FOLDER = "board/cv-drafts"
FIELDS = [
    "organisation",
    "nominee_name",
    "nominee_title",
    "nominee_email",
    "biography",
    "proposed_term_start",
    "proposed_term_end",
]


def load(request) -> dict:
    return dict(request.session.get(SESSION_KEY) or {})


def form_data(draft: dict) -> dict:
    """The draft as the form's data (or initial): what the signatory typed."""
    return {name: draft[name] for name in FIELDS if name in draft}


def save(request, cleaned_data: dict) -> dict:
    draft = load(request)
    for name in FIELDS:
        value = cleaned_data[name]
        if name == "organisation":
            value = value.pk
        elif name.startswith("proposed_term_"):
            value = value.isoformat()
        draft[name] = value
    upload = cleaned_data.get("cv")
    if upload:
        _delete_cv(draft)
        name = original_name(upload.name)
        draft["cv_path"] = default_storage.save(
            f"{DRAFT_CV_FOLDER}/{secrets.token_urlsafe(16)}/{random_basename(name)}", upload
        )
        draft["cv_name"] = name
    request.session[SESSION_KEY] = draft
    return draft


def has_cv(draft: dict) -> bool:
    return bool(draft.get("cv_path")) and default_storage.exists(draft["cv_path"])


def open_cv(draft: dict) -> File:
    return File(default_storage.open(draft["cv_path"], "rb"), name=draft["cv_name"])


def _delete_cv(draft: dict) -> None:
    if draft.get("cv_path"):
        default_storage.delete(draft["cv_path"])


def discard(request) -> None:
    _delete_cv(load(request))
    request.session.pop(SESSION_KEY, None)


def purge_stale_cvs(*, older_than: timedelta = timedelta(days=2)) -> int:
    """CVs of drafts nobody submitted are personal data with no use: the nightly command
    deletes them. Returns how many files were deleted."""
    # A bucket has no folders to ask `exists` about: list, and take none for nothing.
    try:
        folders = default_storage.listdir(DRAFT_CV_FOLDER)[0]
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - older_than
    deleted = 0
    for folder in folders:
        for name in default_storage.listdir(f"{DRAFT_CV_FOLDER}/{folder}")[1]:
            path = f"{DRAFT_CV_FOLDER}/{folder}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
    return deleted
