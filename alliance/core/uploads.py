"""The one upload policy: which files each kind of upload accepts, checked on the server.

A kind names a set of rules: the extensions allowed, the content sniffed for some of them
(so that a renamed file is caught), the maximum size, and a file name short enough to be
stored. The rules reach every path a file can take:

- model fields carry `UploadValidator(kind)`, so ModelForms and `full_clean()` check them;
- plain forms put the same validator on their `forms.FileField`;
- services call `validate_upload(file, kind)`, so the JSON API and scripts get the same
  checks as the pages.

The kinds keep the limits and wording each app had before the policy was one: the Lab
and monitoring documents, call applications, Board CVs and Board papers.
"""

import posixpath
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from .states import TransitionRefused

MB = 1024 * 1024
# A FileField stores at most 100 characters of path; longer names are cut by the storage,
# and a long name in a script with wide characters can pass the file system's 255 bytes.
MAX_NAME_CHARACTERS = 100
MAX_NAME_BYTES = 200

ZIP = (b"PK\x03\x04",)


@dataclass(frozen=True)
class UploadPolicy:
    extensions: tuple[str, ...]  # lower case, with the dot
    max_bytes: int
    # Which rule answers first: "type", "size" or "content".
    order: tuple[str, ...]
    type_message: str
    size_message: str
    content_message: str = ""
    # The first bytes each sniffed extension must start with; others are not sniffed.
    signatures: dict[str, tuple[bytes, ...]] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)


DOCUMENT_EXTENSIONS = (
    ".pdf",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".csv",
    ".txt",
    ".png",
    ".jpg",
)
APPLICATION_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg")

POLICIES: dict[str, UploadPolicy] = {
    # Lab deliveries, agreements and deliverables; centre report and lesson attachments.
    "document": UploadPolicy(
        extensions=DOCUMENT_EXTENSIONS,
        max_bytes=10 * MB,
        order=("type", "size", "content"),
        type_message=FileExtensionValidator.message,
        size_message=_("The file is larger than 10 MB. Send a smaller file."),
        # A PDF must start like one; other formats are containers or text we only serve back.
        content_message=_("This file is not a PDF."),
        signatures={".pdf": (b"%PDF-",)},
        codes={"type": "invalid_extension", "size": "file_too_large", "content": "not_pdf"},
    ),
    # Documents attached to an application to a call.
    "application": UploadPolicy(
        extensions=APPLICATION_EXTENSIONS,
        max_bytes=10 * MB,
        order=("type", "size", "content"),
        type_message=_("The file must be one of these types: %(types)s."),
        size_message=_("The file must be smaller than %(mb)d MB."),
        content_message=_("The file's content does not match its type (%(ext)s)."),
        signatures={
            ".pdf": (b"%PDF",),
            ".docx": ZIP,
            ".xlsx": ZIP,
            ".odt": ZIP,
            ".ods": ZIP,
            ".png": (b"\x89PNG",),
            ".jpg": (b"\xff\xd8\xff",),
            ".jpeg": (b"\xff\xd8\xff",),
        },
        codes={"type": "file_type", "size": "file_size", "content": "file_content"},
    ),
    # The CV of a person nominated to the Board.
    "cv": UploadPolicy(
        extensions=(".pdf", ".doc", ".docx", ".odt"),
        max_bytes=5 * MB,
        order=("size", "type"),
        type_message=_("The CV must be a PDF or Word document."),
        size_message=_("The CV must be 5 MB or smaller."),
    ),
    # Papers of a Board meeting.
    "paper": UploadPolicy(
        extensions=(".pdf", ".docx", ".doc", ".odt", ".pptx", ".xlsx", ".txt"),
        max_bytes=20 * MB,
        order=("size", "type"),
        type_message=_("This type of file is not accepted."),
        size_message=_("The file must be 20 MB or smaller."),
    ),
}


def _extension(name: str) -> str:
    suffix = posixpath.splitext(name)[1]
    return suffix.lower()


def check_upload(upload, kind: str) -> None:
    """Raise ValidationError with the first rule of `kind` that the file breaks."""
    policy = POLICIES[kind]
    name = posixpath.basename(getattr(upload, "name", "") or "")
    extension = _extension(name)
    params = {
        # The Lab's message is Django's own, which names the extension without its dot.
        "extension": extension[1:],
        "allowed_extensions": ", ".join(e[1:] for e in policy.extensions),
        "types": ", ".join(sorted(e[1:].upper() for e in policy.extensions)),
        "mb": policy.max_bytes // MB,
        "ext": extension,
    }
    for rule in policy.order:
        if _breaks(rule, upload, policy, extension):
            message = getattr(policy, f"{rule}_message")
            raise ValidationError(message, code=policy.codes.get(rule, rule), params=params)
    if len(name) > MAX_NAME_CHARACTERS or len(name.encode()) > MAX_NAME_BYTES:
        raise ValidationError(
            _(
                "The file name is too long. Rename the file with a shorter name and upload it again."
            ),
            code="file_name_too_long",
        )


def _breaks(rule: str, upload, policy: UploadPolicy, extension: str) -> bool:
    if rule == "type":
        return extension not in policy.extensions
    if rule == "size":
        return upload.size > policy.max_bytes
    signatures = policy.signatures.get(extension)
    if not signatures:
        return False
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return not any(head.startswith(signature) for signature in signatures)


@deconstructible
class UploadValidator:
    """The policy of one kind as a field validator, for model and form FileFields."""

    def __init__(self, kind: str):
        if kind not in POLICIES:
            raise ValueError(f"Unknown upload kind: {kind}")
        self.kind = kind

    def __call__(self, value) -> None:
        # A file already in storage was checked when it was uploaded; editing the record
        # in the admin must not read it back or refuse it.
        if getattr(value, "_committed", False):
            return
        check_upload(value, self.kind)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.kind == self.kind

    def __hash__(self):
        return hash(self.kind)


def validate_upload(upload, kind: str) -> None:
    """For services: the same checks as the fields, refused as a transition (a 409 with
    code "bad_file" in the API)."""
    try:
        check_upload(upload, kind)
    except ValidationError as exc:
        raise TransitionRefused(exc.messages[0], code="bad_file") from exc
