"""Uploaded and generated files: the name they are stored under, and the one way out.

Every file lives in Django's default storage (`STORAGES["default"]`): the local disk under
MEDIA_ROOT, or a bucket of an S3-compatible store when `S3_BUCKET` is set
(docs/decisions/0009-file-storage.md). Two rules hold for every FileField:

- **Random stored names.** `PrivateFileField` stores a file as
  `<folder>/<year>/<month>/<uuid4 hex>.<ext>`, whatever the uploader called it: a stored
  name tells nothing about the person or the content and cannot be guessed. The
  uploader's name is kept in a model field (`name_field`) for pages and downloads.
- **No URL to the storage.** No URL serves MEDIA_ROOT, and the bucket is private. A file
  goes out only through a view that has checked access first and then calls
  `file_response`: on disk it streams the file, on S3 it redirects to a signed link that
  works for `S3_URL_SECONDS` seconds.

Code reads files with `field.open()` or `storage.open()`, never by path, so that both
storages work.
"""

import posixpath
import re
import uuid

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.http import content_disposition_header

# Extensions kept on stored names: short, lower case, letters and digits only.
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")
ORIGINAL_NAME_LENGTH = 255


def random_basename(filename: str) -> str:
    """A new random file name keeping only the extension of `filename`."""
    extension = posixpath.splitext(filename)[1].lower()
    if not _EXTENSION.fullmatch(extension):
        extension = ""
    return f"{uuid.uuid4().hex}{extension}"


def random_name(folder: str, filename: str) -> str:
    """`folder/YYYY/MM/<uuid4 hex>.<ext>`: the month keeps folders small on disk."""
    return f"{folder}/{timezone.now():%Y/%m}/{random_basename(filename)}"


def original_name(filename: str) -> str:
    """The last part of what the uploader's browser sent (some send a Windows path)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:ORIGINAL_NAME_LENGTH] or "file"


class PrivateFileField(models.FileField):
    """A FileField stored under a random name in `folder`, the original name in
    `name_field` (a CharField of the same model) when there is one."""

    def __init__(self, verbose_name=None, name=None, *, folder, name_field=None, **kwargs):
        self.folder = folder
        self.name_field = name_field
        kwargs.pop("upload_to", None)
        super().__init__(verbose_name, name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("upload_to", None)
        kwargs["folder"] = self.folder
        if self.name_field:
            kwargs["name_field"] = self.name_field
        return name, path, args, kwargs

    def generate_filename(self, instance, filename):
        # Called by `field.save(name, content)`, before the row is saved.
        if self.name_field and instance is not None:
            setattr(instance, self.name_field, original_name(filename))
        return self.storage.generate_filename(random_name(self.folder, filename))

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if self.name_field and not cls._meta.abstract:
            # A file assigned from a form is written while the row is saved, possibly after
            # the name field's value was read: record the name before any field is read.
            pre_save.connect(self._keep_original_name, sender=cls, weak=False)

    def _keep_original_name(self, sender, instance, **kwargs):
        file = getattr(instance, self.attname)
        if file and not file._committed:
            setattr(instance, self.name_field, original_name(file.name))


def _signs_urls(storage) -> bool:
    # django-storages' S3Storage; a FileSystemStorage has no such attribute.
    return bool(getattr(storage, "querystring_auth", False))


def file_response(field_file, filename: str, *, inline: bool = False):
    """Send a stored file to someone the caller has checked may have it.

    `filename` is what the browser saves it as. 404 when there is no file."""
    if not field_file:
        raise Http404
    disposition = content_disposition_header(not inline, filename)
    storage = field_file.storage
    if _signs_urls(storage):
        # The bucket is private: a link signed for a minute, naming the file as it was
        # uploaded. It points at the store's host, which is fine for a download.
        url = storage.url(
            field_file.name,
            parameters={"ResponseContentDisposition": disposition},
            expire=settings.S3_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        try:
            handle = field_file.open("rb")
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise Http404 from exc
        response = FileResponse(handle, as_attachment=not inline, filename=filename)
        response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
