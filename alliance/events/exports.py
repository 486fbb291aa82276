"""The organisers' export of an event's registrations (CSV and XLSX through
alliance.core.spreadsheets, which keeps what people typed from running as formulas)."""

from django.utils.translation import gettext_lazy as _

from alliance.core.spreadsheets import header

from .selectors import registrations_for_organisers

LABELS = {
    "name": _("Name"),
    "email": _("Email address"),
    "organisation": _("Organisation"),
    "status": _("Status"),
    "registered_at": _("Registered (UTC)"),
}


def registration_rows(event, request=None):
    questions = list(event.questions.all())
    keys = list(LABELS) + [f"question_{q.pk}" for q in questions]
    labels = {**LABELS, **{f"question_{q.pk}": str(q.text) for q in questions}}
    yield header(keys, labels, request)
    for r in registrations_for_organisers(event):
        yield [
            r.user.full_name,
            r.user.email,
            r.organisation.name if r.organisation else "",
            r.get_status_display(),
            r.created_at,
            *[r.answers.get(str(q.pk), "") for q in questions],
        ]
