"""Which event sends which message to whom.

Apps declare, in their own notifications.py (found when the app registry is ready):

    kind("calls.applications", _("Your applications to calls"), essential=True)
    on("application.submitted", kind="calls.applications", recipients=managers_of_application,
       subject=_("Your application to “%(call)s” was received"),
       subject_args=lambda app, event: {"call": str(app.call.title)},
       template="calls/email/submitted.txt",
       url=lambda app, event: reverse("calls:application_detail", args=[app.pk]))

and the kernel's after-commit announcement of "application.submitted" does the rest: the
inbox item and the email, per recipient, in their language and time zone.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import Delivery


@dataclass(frozen=True)
class Kind:
    """A kind of message a person sets a preference for."""

    code: str
    label: object  # lazily translated
    description: object = ""
    # A legal or deadline consequence: always emailed at once, cannot be turned off.
    essential: bool = False
    default: str = Delivery.IMMEDIATE
    order: int = 100
    # False for messages only people without an account receive (invitations): they are
    # not a choice anyone makes on the preferences page.
    listed: bool = True


@dataclass(frozen=True)
class Message:
    verb: str
    kind: str
    recipients: Callable  # (obj, event) -> iterable of users
    subject: object  # lazy string with %(name)s placeholders, or (obj, event) -> str
    template: str  # plain-text body
    subject_args: Callable | None = None  # (obj, event) -> dict for the placeholders
    url: Callable | None = None  # (obj, event) -> path, reversed in the recipient's language
    context: Callable | None = None  # (obj, event) -> extra template context
    related: tuple = ()  # select_related when the object is fetched
    when: Callable | None = None  # (obj, event) -> bool: send at all?
    # (obj, event, user) -> [(filename, content, mimetype)], e.g. an iCalendar invitation;
    # made in the recipient's language. Only on emails sent at once (not in digests).
    attachments: Callable | None = None


@dataclass(frozen=True)
class CalendarEntry:
    """One date in a person's calendar feed."""

    uid: str  # stable across feeds: "application-12-deadline"
    summary: str
    start: object  # an aware datetime, or a date for an all-day entry
    end: object = None
    url: str = ""  # a path; made absolute in the feed
    description: str = ""


@dataclass(frozen=True)
class Guest:
    """Someone without an account yet (an invited colleague, an invited expert): they get
    the email in the given language, and no inbox item."""

    email: str
    preferred_language: str = "en"
    time_zone: str = ""
    is_active: bool = True
    pk: None = None

    def __str__(self):
        return self.email


KINDS: dict[str, Kind] = {}
MESSAGES: dict[str, list[Message]] = {}
CALENDAR_SOURCES: list[Callable] = []


def kind(code: str, label, **options) -> Kind:
    if code in KINDS:
        raise ValueError(f"the kind of message {code} is declared twice")
    KINDS[code] = Kind(code=code, label=label, **options)
    return KINDS[code]


def on(verb: str, *, kind: str, **options) -> Message:
    if kind not in KINDS:
        raise ValueError(f"{verb}: declare the kind {kind!r} before its messages")
    message = Message(verb=verb, kind=kind, **options)
    MESSAGES.setdefault(verb, []).append(message)
    return message


def calendar(source: Callable[[object], Iterable[CalendarEntry]]) -> Callable:
    """Register a function user -> that person's dates (a decorator)."""
    CALENDAR_SOURCES.append(source)
    return source


def kinds() -> list[Kind]:
    """The kinds a signed-in person has a preference for, in display order."""
    return sorted((k for k in KINDS.values() if k.listed), key=lambda k: (k.order, k.code))
