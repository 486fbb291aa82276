from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ALLOWED_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg"}
# The first bytes of each accepted format, so a renamed file is caught.
SIGNATURES = {
    ".pdf": [b"%PDF"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".odt": [b"PK\x03\x04"],
    ".ods": [b"PK\x03\x04"],
    ".png": [b"\x89PNG"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
}


def validate_document(upload) -> None:
    extension = Path(upload.name).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("The file must be one of these types: %(types)s.")
            % {"types": ", ".join(sorted(e.lstrip(".").upper() for e in ALLOWED_EXTENSIONS))},
            code="file_type",
        )
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file must be smaller than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content does not match its type (%(ext)s).") % {"ext": extension},
            code="file_content",
        )
