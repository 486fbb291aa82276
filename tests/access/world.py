"""The world the access matrix walks: the demo data set (`seed_demo`), a few rows the demo
lacks but some URL needs (an uploaded document, an export, an invitation...), two more
personas (`anonymous`, a signed-in `stranger`) and a personal access token per persona.

Everything is found again by natural key (email, name, reference), never by primary key:
PostgreSQL's sequences hand out other ids than SQLite's."""

from datetime import UTC, datetime
from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command

# The demo's dates follow the clock (an open call, a meeting ahead, terms that end): the
# matrix runs at one fixed instant so that it does not change with the calendar.
FROZEN_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)

STRANGER_EMAIL = "stranger@access-matrix.test"
TOKEN_NAME = "access matrix"

# persona -> email of the demo account (None: not signed in). Column order of the matrix.
PERSONAS = {
    "anonymous": None,
    "stranger": STRANGER_EMAIL,
    "secretariat": "secretariat@demo.alliance.test",
    "director": "director@demo.alliance.test",
    "lab": "lab@demo.alliance.test",
    "reviewer": "reviewer@demo.alliance.test",
    "board": "board@demo.alliance.test",
    "ministry": "focal@fmcide.demo.alliance.test",
    "macra_focal": "focal@macra.demo.alliance.test",
    "macra_signatory": "dg@macra.demo.alliance.test",
    "university": "focal@uon.demo.alliance.test",
    "ucad": "focal@ucad.demo.alliance.test",
    "centre_manager": "focal@tih.demo.alliance.test",
}


def _pdf(title: str) -> ContentFile:
    return ContentFile(f"%PDF-1.4\n% {title}\n".encode(), name=f"{title}.pdf")


# The secretariat's calendar address in the matrix (a secret like any other, made known here).
FEED_SECRET = "cal_access-matrix-secretariat"
NOTIFICATION_SUBJECT = "A message for the access matrix"


def build() -> dict[str, str]:
    """Seeds the database; returns each signed-in persona's API token secret."""
    call_command("seed_demo", stdout=StringIO())
    _stranger()
    _extras()
    _notifications()
    return _tokens()


def _notifications():
    """An inbox item and a calendar feed of the secretariat's, which nobody else may touch."""
    from alliance.notifications.models import CalendarFeed, Notification
    from alliance.notifications.tokens import hash_secret

    secretariat = _user(PERSONAS["secretariat"])
    Notification.objects.create(
        recipient=secretariat,
        verb="expression.submitted",
        kind="joining.updates",
        subject=NOTIFICATION_SUBJECT,
        url="http://127.0.0.1:8000/en/dashboard/",
        delivery="off",
    )
    CalendarFeed.objects.create(user=secretariat, token_hash=hash_secret(FEED_SECRET))


def _stranger():
    from allauth.account.models import EmailAddress

    from alliance.accounts.models import User

    user = User.objects.create_user(email=STRANGER_EMAIL, password=None, full_name="Sam Stranger")
    EmailAddress.objects.create(user=user, email=STRANGER_EMAIL, verified=True, primary=True)


def _user(email):
    from alliance.accounts.models import User

    return User.objects.get(email=email)


def _extras():
    """Rows no demo seeder makes, so that every URL pattern has a real object to point at."""
    from alliance.accounts import services as accounts_services
    from alliance.accounts.models import Organisation
    from alliance.calls.models import Application, ApplicationDocument, Call, CallExport
    from alliance.core.models import StrategicObjective
    from alliance.lab.models import Deliverable
    from alliance.monitoring.models import (
        CentreReport,
        LessonAttachment,
        LessonLearned,
        ReportAttachment,
    )

    macra_focal, lab = _user(PERSONAS["macra_focal"]), _user(PERSONAS["lab"])
    accounts_services.invitation_send(
        organisation=Organisation.objects.get(acronym="MACRA"),
        actor=macra_focal,
        email="new.colleague@macra.demo.alliance.test",
        role="member",
    )
    for reference, organisation, uploader in (
        ("regional-centres-open", "FMCIDE", _user(PERSONAS["ministry"])),
        ("europe-cis-2026", "IDDA", None),
    ):
        application = Application.objects.get(
            call__reference=reference, organisation__acronym=organisation
        )
        ApplicationDocument.objects.create(
            application=application,
            title="Letter of support",
            file=_pdf("letter-of-support"),
            size=20,
            uploaded_by=uploader,
        )
    CallExport.objects.create(
        call=Call.objects.get(reference="europe-cis-2026"),
        kind="applications",
        format="csv",
        status="ready",
        file=ContentFile(b"reference,organisation\n", name="applications.csv"),
        requested_by=_user(PERSONAS["secretariat"]),
        finished_at=FROZEN_AT,
    )
    open_report = CentreReport.objects.get(
        centre__name="MACRA Digital Transformation Acceleration Centre", status="due"
    )
    ReportAttachment.objects.create(
        report=open_report, title="Cohort list", file=_pdf("cohort-list"), uploaded_by=macra_focal
    )
    LessonAttachment.objects.create(
        lesson=LessonLearned.objects.get(title="Sandboxes need a sunset clause"),
        file=_pdf("sandbox-exit-report"),
        uploaded_by=lab,
    )
    delivered = Deliverable.objects.get(project__title="Start-up cohort 2025")
    delivered.document.save("final-report.pdf", _pdf("final-report"), save=True)
    LessonLearned.objects.create(
        title="A lesson still in draft",
        summary="Not published yet.",
        body="Draft.",
        objective=StrategicObjective.objects.get(code="POLICY"),
        language="en",
        status="draft",
        author=lab,
    )


def _tokens() -> dict[str, str]:
    from alliance.accounts.tokens import token_create

    return {
        persona: token_create(actor=_user(email), name=TOKEN_NAME, scope="write")[1]
        for persona, email in PERSONAS.items()
        if email
    }
