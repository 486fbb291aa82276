"""Messages about technical assistance requests, to the requesting organisation's focal
points and signatories, the Lab, and the assigned expert (alliance.notifications); and the
Lab's dates in people's calendar feeds."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.accounts.selectors import holders_of, organisation_people
from alliance.notifications.registry import CalendarEntry, calendar, kind, on

from .models import Deliverable, PlanMilestone, ProjectMilestone
from .states import OPEN_PROJECT_STATES, RequestStatus

kind(
    "lab.requests",
    _("Technical assistance for your organisation"),
    description=_(
        "Your organisation's requests to the Digital Transformation Lab: triage, plan, delivery."
    ),
    order=40,
)
kind(
    "lab.queue",
    _("New technical assistance requests"),
    description=_("A new request waiting for the Lab's triage."),
    order=41,
)
kind(
    "lab.assignments",
    _("Technical assistance assigned to you"),
    description=_("A request assigned to you, its plan agreed, its delivery rated."),
    order=42,
)


def _users():
    return get_user_model().objects.filter(is_active=True)


def _managers(tar, event):
    """The requesting organisation's focal points and signatories."""
    return organisation_people(tar.organisation_id)


def _lab(tar, event):
    """Those who triage: the Lab experts and the secretariat."""
    return holders_of("lab.triage_request").order_by("pk")


def _expert(tar, event):
    return _users().filter(pk=tar.assigned_to_id)


def _url(tar, event):
    return reverse("lab:request_detail", kwargs={"pk": tar.pk})


def _message(verb, kind_code, recipients, subject):
    on(
        verb,
        kind=kind_code,
        recipients=lambda tar, event: recipients(tar, event).distinct().order_by("pk"),
        subject=subject,
        subject_args=lambda tar, event: {"organisation": tar.organisation},
        template="lab/email/notification.txt",
        url=_url,
        related=("organisation",),
    )


_message(
    "assistance_request.submitted",
    "lab.queue",
    _lab,
    _("New technical assistance request from %(organisation)s"),
)
TO_REQUESTERS = {
    "assistance_request.triaged": _(
        "Your technical assistance request was triaged (%(organisation)s)"
    ),
    "assistance_request.assigned": _(
        "A Lab expert was assigned to your request (%(organisation)s)"
    ),
    "assistance_request.declined": _(
        "Your technical assistance request was declined (%(organisation)s)"
    ),
    "assistance_request.plan_proposed": _(
        "The Lab proposes a plan for your request (%(organisation)s)"
    ),
    "assistance_request.delivered": _(
        "The Lab delivered the assistance you requested (%(organisation)s)"
    ),
}
for verb, subject in TO_REQUESTERS.items():
    _message(verb, "lab.requests", _managers, subject)
# The expert assigned reads the same message as the organisation (once, if they are both).
_message(
    "assistance_request.assigned",
    "lab.assignments",
    _expert,
    TO_REQUESTERS["assistance_request.assigned"],
)
_message(
    "assistance_request.plan_agreed",
    "lab.assignments",
    _expert,
    _("The plan was agreed: the work can start (%(organisation)s)"),
)
_message(
    "assistance_request.closed",
    "lab.assignments",
    _expert,
    _("The requester closed the request and rated it (%(organisation)s)"),
)


@calendar
def plan_milestones(user):
    """A Lab expert's dates: the milestones of the plans of the requests assigned to them."""
    rows = PlanMilestone.objects.filter(
        request__assigned_to=user,
        request__status__in=[RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS],
        done_at__isnull=True,
    ).select_related("request__organisation")
    return [
        CalendarEntry(
            uid=f"lab-plan-milestone-{m.pk}",
            summary=gettext("Technical assistance milestone: %(milestone)s (%(organisation)s)")
            % {"milestone": m.title, "organisation": m.request.organisation},
            start=m.due_date,
            url=reverse("lab:request_detail", kwargs={"pk": m.request_id}),
        )
        for m in rows
    ]


@calendar
def project_dates(user):
    """A centre's managers' dates (every member of the host organisation manages its
    centre, as in centres): the milestones and deliverables still due in the projects under
    the cooperation agreements their organisations signed."""
    managed = list(user.organisation_roles())
    if not managed:
        return []
    open_projects = {
        "project__agreement__host_organisation_id__in": managed,
        "project__status__in": OPEN_PROJECT_STATES,
    }
    milestones = ProjectMilestone.objects.filter(done_at__isnull=True, **open_projects)
    deliverables = Deliverable.objects.filter(delivered_at__isnull=True, **open_projects)
    entries = [
        CalendarEntry(
            uid=f"lab-project-milestone-{m.pk}",
            summary=gettext("Project milestone: %(milestone)s (%(project)s)")
            % {"milestone": m.title, "project": m.project.title},
            start=m.due_date,
            url=reverse("lab:project_detail", kwargs={"pk": m.project_id}),
        )
        for m in milestones.select_related("project")
    ]
    entries += [
        CalendarEntry(
            uid=f"lab-deliverable-{d.pk}",
            summary=gettext("Deliverable due: %(deliverable)s (%(project)s)")
            % {"deliverable": d.title, "project": d.project.title},
            start=d.due_date,
            url=reverse("lab:project_detail", kwargs={"pk": d.project_id}),
        )
        for d in deliverables.select_related("project")
    ]
    return entries
