"""Uploaded documents: a short list of office formats and a size cap, checked on the server."""

import os

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

DOCUMENT_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    "png",
    "jpg",
]
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

validate_extension = FileExtensionValidator(allowed_extensions=DOCUMENT_EXTENSIONS)


def validate_size(upload) -> None:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is larger than 10 MB. Send a smaller file."), code="file_too_large"
        )


def validate_not_executable(upload) -> None:
    # A PDF must start like one; other formats are containers or text we only serve back.
    name = os.path.basename(getattr(upload, "name", "") or "")
    if name.lower().endswith(".pdf"):
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise ValidationError(_("This file is not a PDF."), code="not_pdf")


DOCUMENT_VALIDATORS = [validate_extension, validate_size, validate_not_executable]
