"""Files of a call's applications, reviews or ranking, built in the background."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.files import PrivateFileField

from ..states import ExportStatus
from .calls import Call


class CallExport(models.Model):
    """A file of a call's applications, reviews or ranking, built in the background."""

    KINDS = [
        ("applications", _("Applications")),
        ("reviews", _("Reviews")),
        ("ranking", _("Ranking")),
    ]
    FORMATS = [("csv", "CSV"), ("xlsx", "Excel (xlsx)")]

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(_("content"), max_length=20, choices=KINDS)
    format = models.CharField(_("format"), max_length=4, choices=FORMATS)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    # Downloaded as str(export), so the stored name needs no companion.
    file = PrivateFileField(_("file"), folder="calls/exports", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self):
        return f"{self.call.reference}-{self.kind}.{self.format}"

    @property
    def is_ready(self) -> bool:
        return self.status == ExportStatus.READY
