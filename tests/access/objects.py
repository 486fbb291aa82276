"""Demo objects by natural key: `ref("centre:macra")` in a URL's parameters stands for that
object's id (or another attribute), looked up when the matrix runs."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist

MACRA_CENTRE = "MACRA Digital Transformation Acceleration Centre"
GIC_CENTRE = "Global Innovation Centre New Delhi"
TIH_CENTRE = "African Digital Transformation Centre"
OPEN_CALL, REVIEW_CALL = "regional-centres-open", "europe-cis-2026"
FIRST_CALL, DRAFT_CALL = "first-call-2023", "innovation-hubs-draft"


def _get(label, **lookup):
    return lambda: apps.get_model(label).objects.get(**lookup)


def _latest(label, order, **lookup):
    return lambda: apps.get_model(label).objects.filter(**lookup).order_by(order).first()


@dataclass
class _Secret:
    """A key carried in a URL (calendar feed, unsubscribe link), not a row."""

    token: str


def _unsubscribe_token(email: str) -> str:
    from alliance.notifications.tokens import unsubscribe_token

    return unsubscribe_token(
        apps.get_model("accounts.User").objects.get(email=email), "joining.updates"
    )


def _assignment(call, org, reviewer):
    return _get(
        "calls.ReviewAssignment",
        application__call__reference=call,
        application__organisation__acronym=org,
        reviewer__email=f"{reviewer}@demo.alliance.test",
    )


# key -> a function that finds the object (run inside the seeded database).
OBJECTS = {
    # accounts
    "org:macra": _get("accounts.Organisation", acronym="MACRA"),
    "org:ucad": _get("accounts.Organisation", acronym="UCAD"),
    "org:idda (no members)": _get("accounts.Organisation", acronym="IDDA"),
    "membership:macra signatory": _get(
        "accounts.Membership", organisation__acronym="MACRA", role="signatory"
    ),
    "invitation:macra pending": _get("accounts.Invitation", organisation__acronym="MACRA"),
    "join request:fmcide pending": _get("accounts.JoinRequest", organisation__acronym="FMCIDE"),
    "itu entry:malawi": _get("accounts.ItuMember", category="member_state", key="MW"),
    "token:macra_focal": _get("accounts.ApiToken", user__email="focal@macra.demo.alliance.test"),
    "milestone:expert network": _get("public.Milestone", title__en="Launch of the Expert Network"),
    # notifications (tests/access/world.py makes them)
    "notification:secretariat": _get(
        "notifications.Notification", subject="A message for the access matrix"
    ),
    "feed:secretariat": lambda: _Secret("cal_access-matrix-secretariat"),
    "unsubscribe:secretariat": lambda: _Secret(
        _unsubscribe_token("secretariat@demo.alliance.test")
    ),
    # centres
    "centre:macra (accredited)": _get("centres.Centre", name=MACRA_CENTRE),
    "centre:tih (recognised partner)": _get("centres.Centre", name=TIH_CENTRE),
    "centre:mexico (in design)": _get("centres.Centre", name="Acceleration Centre Mexico"),
    "accreditation:macra active": _get(
        "centres.Accreditation", centre__name=MACRA_CENTRE, status="active"
    ),
    "accreditation:brazil suspended": _get(
        "centres.Accreditation", centre__name="Acceleration Centre Brazil"
    ),
    "accreditation:thailand revoked": _get(
        "centres.Accreditation", centre__name="Acceleration Centre Thailand"
    ),
    "renewal:macra renewed": _get(
        "centres.RenewalEvaluation", accreditation__centre__name=MACRA_CENTRE
    ),
    "renewal:gic self-report due": _get(
        "centres.RenewalEvaluation", accreditation__centre__name=GIC_CENTRE
    ),
    "move:uae requested": _get(
        "centres.CategoryChange", centre__name="Acceleration Centre United Arab Emirates"
    ),
    "recognition:tih approved": _get("centres.PartnerRecognition", organisation__acronym="TIH"),
    "recognition:ucad requested": _get("centres.PartnerRecognition", organisation__acronym="UCAD"),
    "initiative:macra": _get(
        "centres.FlagshipInitiative",
        centre__name=MACRA_CENTRE,
        title__en="Flagship initiative 1: Malawi start-up acceleration",
    ),
    # calls
    "call:first (results published)": _get("calls.Call", reference=FIRST_CALL),
    "call:open": _get("calls.Call", reference=OPEN_CALL),
    "call:europe (in review)": _get("calls.Call", reference=REVIEW_CALL),
    "call:draft": _get("calls.Call", reference=DRAFT_CALL),
    "application:fmcide draft": _get(
        "calls.Application", call__reference=OPEN_CALL, organisation__acronym="FMCIDE"
    ),
    "application:uon submitted": _get(
        "calls.Application", call__reference=OPEN_CALL, organisation__acronym="UoN"
    ),
    "application:idda in review": _get(
        "calls.Application", call__reference=REVIEW_CALL, organisation__acronym="IDDA"
    ),
    "document:fmcide draft": _get(
        "calls.ApplicationDocument",
        application__call__reference=OPEN_CALL,
        application__organisation__acronym="FMCIDE",
    ),
    "document:idda in review": _get(
        "calls.ApplicationDocument",
        application__call__reference=REVIEW_CALL,
        application__organisation__acronym="IDDA",
    ),
    "review:idda reviewer accepted": _assignment(REVIEW_CALL, "IDDA", "reviewer"),
    "review:idda reviewer2 submitted": _assignment(REVIEW_CALL, "IDDA", "reviewer2"),
    "review:demo reviewer assigned": _get(
        "calls.ReviewAssignment",
        application__call__reference=REVIEW_CALL,
        application__organisation__name="Demo Member State 04",
        reviewer__email="reviewer@demo.alliance.test",
    ),
    "export:europe applications": _get("calls.CallExport", call__reference=REVIEW_CALL),
    # joining
    "expression:macra converted": _get(
        "joining.ExpressionOfInterest", organisation__acronym="MACRA"
    ),
    "expression:fmcide submitted": _get(
        "joining.ExpressionOfInterest", organisation__acronym="FMCIDE"
    ),
    "expression:ucad draft": _get("joining.ExpressionOfInterest", organisation__acronym="UCAD"),
    "assessment:macra completed": _get(
        "joining.PreliminaryAssessment", expression__organisation__acronym="MACRA"
    ),
    "assessment:uon draft": _get(
        "joining.PreliminaryAssessment", expression__organisation__acronym="UoN"
    ),
    "declaration:macra countersigned": _get(
        "joining.JointDeclaration", assessment__expression__organisation__acronym="MACRA"
    ),
    # lab
    "request:fmcide submitted": _get(
        "lab.TechnicalAssistanceRequest", organisation__acronym="FMCIDE", status="submitted"
    ),
    "request:macra assigned": _get(
        "lab.TechnicalAssistanceRequest", organisation__acronym="MACRA", status="assigned"
    ),
    "request:macra in progress": _get(
        "lab.TechnicalAssistanceRequest", organisation__acronym="MACRA", status="in_progress"
    ),
    "request:macra delivered": _get(
        "lab.TechnicalAssistanceRequest", organisation__acronym="MACRA", status="delivered"
    ),
    "plan milestone:macra in progress": _get(
        "lab.PlanMilestone", request__status="in_progress", title="Workshops"
    ),
    "delivery document:macra delivered": _get(
        "lab.DeliveryDocument", request__organisation__acronym="MACRA", request__status="delivered"
    ),
    # By status too: each accredited demo centre also has the agreement its design signed.
    "agreement:macra active": _get(
        "lab.CooperationAgreement", centre__name=MACRA_CENTRE, status="active"
    ),
    "agreement:idda draft": _get(
        "lab.CooperationAgreement", centre__name="IDDA Regional Acceleration Centre", status="draft"
    ),
    "project:mobile money (active)": _get("lab.Project", title="Mobile money sandbox"),
    "project:policy lab (planned)": _get("lab.Project", title="Policy experimentation lab"),
    "project milestone:mobile money": _get(
        "lab.ProjectMilestone", project__title="Mobile money sandbox", title="Mid-term review"
    ),
    "deliverable:mobile money": _get("lab.Deliverable", project__title="Mobile money sandbox"),
    "project:start-up cohort (completed)": _get("lab.Project", title="Start-up cohort 2025"),
    "deliverable:start-up cohort (delivered)": _get(
        "lab.Deliverable", project__title="Start-up cohort 2025"
    ),
    # monitoring
    "indicator:startups": _get("monitoring.Indicator", code="startups-supported"),
    "centre indicator:macra startups": _get(
        "monitoring.CentreIndicator",
        centre__name=MACRA_CENTRE,
        indicator__code="startups-supported",
    ),
    "report:macra due": _get("monitoring.CentreReport", centre__name=MACRA_CENTRE, status="due"),
    "report:macra accepted": _latest(
        "monitoring.CentreReport", "-period__start", centre__name=MACRA_CENTRE, status="accepted"
    ),
    "report:tcra submitted": _get("monitoring.CentreReport", status="submitted"),
    "report:gic changes requested": _get("monitoring.CentreReport", status="changes_requested"),
    "report attachment:macra due": _get("monitoring.ReportAttachment", title="Cohort list"),
    "lesson:published": _get("monitoring.LessonLearned", title="Sandboxes need a sunset clause"),
    "lesson:draft": _get("monitoring.LessonLearned", title="A lesson still in draft"),
    "lesson attachment:published": _get(
        "monitoring.LessonAttachment", lesson__title="Sandboxes need a sunset clause"
    ),
    # board
    "meeting:upcoming": _get(
        "board.Meeting", title__en="Extraordinary meeting on resource mobilization"
    ),
    "paper:upcoming meeting": _get(
        "board.MeetingDocument", title="Draft resource mobilization plan"
    ),
    "nomination:macra submitted": _get(
        "board.Nomination", nominee_email="chikondi@macra.demo.alliance.test"
    ),
    "seat:board member": _get("board.BoardMember", full_name="Grace Banda"),
    "decision:published": _get(
        "board.Decision",
        meeting__title__en="Inaugural meeting of the Digital Innovation Board",
        number=1,
    ),
    "expert:applied": _get("board.Expert", full_name="Samira Benali"),
    # news
    "announcement:pilot (published)": _get(
        "news.Announcement", proposed_by__startswith="pilot.designated:"
    ),
    "announcement:next call (scheduled)": _get("news.Announcement", proposed_by="demo:next-call"),
    "announcement:draft": _get("news.Announcement", proposed_by="demo:draft"),
    "pilot:rwanda": _get("news.Pilot", country__code="RW"),
    "newsletter link:forged": lambda: _Secret("not-a-signed-link"),
    # events
    "event:community 2023 (past)": _get("events.Event", title__en="Alliance community event 2023"),
    "event:webinar (upcoming)": _get(
        "events.Event", title__en="Webinar: building a regulatory sandbox"
    ),
    "registration:macra focal webinar": _get(
        "events.Registration",
        event__title__en="Webinar: building a regulatory sandbox",
        user__email="focal@macra.demo.alliance.test",
    ),
    "material:community slides": _get(
        "events.Material", event__title__en="Alliance community event 2023", kind="slides"
    ),
}

# An id no object has: shows what a URL answers for an object that does not exist.
MISSING_ID = 987_654_321


@dataclass(frozen=True)
class Ref:
    key: str
    attr: str = "pk"

    def resolve(self):
        try:
            obj = OBJECTS[self.key]()
        except ObjectDoesNotExist:
            obj = None
        if obj is None:
            raise LookupError(
                f"access matrix: the demo data has no object for {self.key!r}: the demo "
                "changed? Fix its lookup in tests/access/objects.py"
            )
        return getattr(obj, self.attr)


def ref(key: str, attr: str = "pk") -> Ref:
    if key not in OBJECTS:
        raise KeyError(f"access matrix: {key!r} is not in tests/access/objects.py OBJECTS")
    return Ref(key, attr)
