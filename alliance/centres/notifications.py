"""Messages about centres (alliance.notifications): official notices to the focal points
and authorised signatories of the host organisation (the secretariat also gets the renewal
reminders), and the centre's own dates for their calendar feed."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.accounts.policy import MANAGER_ROLES
from alliance.accounts.roles import StaffRole
from alliance.accounts.selectors import organisation_people, staff_in
from alliance.notifications.registry import CalendarEntry, calendar, kind, on

kind(
    "centres.updates",
    gettext_lazy("Your centre's accreditation"),
    description=gettext_lazy("Accreditation, reinstatement, renewal, move to another type."),
    order=30,
)
kind(
    "centres.notices",
    gettext_lazy("Suspension, revocation and end of your centre's accreditation"),
    description=gettext_lazy(
        "A suspension, a revocation, an expiry, or a decision not to renew the accreditation."
    ),
    essential=True,
    order=31,
)
kind(
    "centres.reminders",
    gettext_lazy("Renewal reminders"),
    description=gettext_lazy(
        "180, 90 and 30 days before a centre's accreditation ends: time to prepare its renewal."
    ),
    essential=True,
    order=32,
)


def centre_of(obj):
    """The centre a message is about, from the row whose change sent it."""
    name = obj._meta.model_name
    if name == "centre":
        return obj
    if name == "renewalevaluation":
        return obj.accreditation.centre
    return obj.centre  # an accreditation, a move between types


def accreditation_of(obj, event):
    from .models import Accreditation

    pk = event.context.get("accreditation_id")
    if pk is not None:
        return Accreditation.objects.filter(pk=pk).first()
    name = obj._meta.model_name
    if name == "accreditation":
        return obj
    return obj.accreditation if name == "renewalevaluation" else None


def managers(centre, *roles):
    """The host organisation's focal points and signatories, and the staff of `roles`."""
    people = organisation_people(centre.host_organisation_id)
    return (people | staff_in(*roles)).distinct().order_by("pk") if roles else people


# notice (the body's wording in centres/email/notice.txt): verb, kind, subject, related
NOTICES = {
    "accredited": (
        "centre.accredited",
        "centres.updates",
        gettext_lazy("Your centre is accredited"),
        ("host_organisation", "centre_type"),
    ),
    "suspended": (
        "accreditation.suspended",
        "centres.notices",
        gettext_lazy("Your centre's accreditation is suspended"),
        ("centre__host_organisation", "centre_type"),
    ),
    "reinstated": (
        "centre.reinstated",
        "centres.updates",
        gettext_lazy("Your centre's accreditation is reinstated"),
        ("host_organisation", "centre_type"),
    ),
    "revoked": (
        "accreditation.revoked",
        "centres.notices",
        gettext_lazy("Your centre's accreditation is revoked"),
        ("centre__host_organisation", "centre_type"),
    ),
    "expired": (
        "accreditation.expired",
        "centres.notices",
        gettext_lazy("Your centre's accreditation has expired"),
        ("centre__host_organisation", "centre_type"),
    ),
    "reminder": (
        "accreditation.reminder_sent",
        "centres.reminders",
        gettext_lazy("Your centre's accreditation ends soon: time to prepare its renewal"),
        ("centre__host_organisation", "centre_type"),
    ),
    "renewed": (
        "renewal.renewed",
        "centres.updates",
        gettext_lazy("Your centre's accreditation is renewed"),
        ("accreditation__centre__host_organisation",),
    ),
    "lapsed": (
        "renewal.lapsed",
        "centres.notices",
        gettext_lazy("Your centre's accreditation will not be renewed"),
        ("accreditation__centre__host_organisation",),
    ),
    "moved": (
        "category_change.approved",
        "centres.updates",
        gettext_lazy("Your centre has moved to another type"),
        ("centre__host_organisation", "centre__centre_type"),
    ),
}


def _message(notice: str, verb: str, kind_code: str, subject, related) -> None:
    extra_roles = [StaffRole.SECRETARIAT] if notice == "reminder" else []

    def context(obj, event):
        return {
            "centre": centre_of(obj),
            "kind": notice,
            "accreditation": accreditation_of(obj, event),
            "days": event.context.get("days", 0),
        }

    on(
        verb,
        kind=kind_code,
        recipients=lambda obj, event: managers(centre_of(obj), *extra_roles),
        subject=subject,
        template="centres/email/notice.txt",
        url=lambda obj, event: reverse("centres:manage", args=[centre_of(obj).pk]),
        context=context,
        related=related,
    )


for _notice, (_verb, _kind, _subject, _related) in NOTICES.items():
    _message(_notice, _verb, _kind, _subject, _related)


@calendar
def centre_dates(user):
    """For the managers of a centre: when its accreditation ends, and while the renewal's
    self-report is still due, that it is (by the same date: the model has no earlier one)."""
    from .models import Accreditation
    from .states import CURRENT_ACCREDITATION_STATUSES, EvaluationStatus

    if not getattr(user, "is_authenticated", False):
        return []
    organisations = [o for o, role in user.organisation_roles().items() if role in MANAGER_ROLES]
    if not organisations:
        return []
    rows = (
        Accreditation.objects.filter(
            centre__host_organisation_id__in=organisations,
            status__in=CURRENT_ACCREDITATION_STATUSES,
        )
        .select_related("centre", "renewal")
        .order_by("end_date", "pk")
    )
    entries = []
    for accreditation in rows:
        centre = accreditation.centre
        url = reverse("centres:manage", args=[centre.pk])
        entries.append(
            CalendarEntry(
                uid=f"centres-accreditation-{accreditation.pk}-end",
                summary=_("Accreditation of %(centre)s ends") % {"centre": centre.name},
                start=accreditation.end_date,
                url=url,
                description=_("Its renewal needs an evaluation and requalification."),
            )
        )
        renewal = getattr(accreditation, "renewal", None)
        if renewal is not None and renewal.status == EvaluationStatus.SELF_REPORT_DUE:
            entries.append(
                CalendarEntry(
                    uid=f"centres-renewal-{renewal.pk}-self-report",
                    summary=_("Self-report due for the renewal of %(centre)s")
                    % {"centre": centre.name},
                    start=accreditation.end_date,
                    url=reverse("centres:renewal", args=[renewal.pk]),
                    description=_(
                        "Submit it before the term ends, so that the secretariat and the Lab "
                        "can evaluate the centre and the BDT Director decide."
                    ),
                )
            )
    return entries
