"""Which demo objects each API path with parameters is called with. A path added later
that takes parameters fails the matrix until it has an entry here."""

from .objects import ref
from .page_targets import each

API = "/api/v1"

CENTRES = ("centre:macra (accredited)", "centre:mexico (in design)")

API_TARGETS = {
    f"{API}/organisations/{{pk}}/join-requests": each("pk", "org:macra", "org:idda (no members)"),
    f"{API}/organisations/{{pk}}/membership-check": each("pk", "org:macra"),
    f"{API}/organisations/{{pk}}/membership-check/verify": each("pk", "org:macra"),
    f"{API}/organisations/{{pk}}/membership-check/decline": each("pk", "org:macra"),
    f"{API}/organisations/{{pk}}/membership-check/revoke": each("pk", "org:macra"),
    f"{API}/join-requests/{{pk}}/approve": each("pk", "join request:fmcide pending"),
    f"{API}/join-requests/{{pk}}/decline": each("pk", "join request:fmcide pending"),
    f"{API}/join-requests/{{pk}}/withdraw": each("pk", "join request:fmcide pending"),
    f"{API}/centres/{{centre_id}}": each("centre_id", *CENTRES),
    f"{API}/centres/{{centre_id}}/initiatives": each("centre_id", *CENTRES[:1]),
    f"{API}/centres/{{centre_id}}/accreditations": each("centre_id", *CENTRES),
    f"{API}/centres/{{centre_id}}/profile": each("centre_id", *CENTRES),
    f"{API}/verify/{{code}}": [{"code": ref("accreditation:macra active", "verification_code")}],
    f"{API}/initiatives/{{initiative_id}}": each("initiative_id", "initiative:macra"),
    f"{API}/me/notifications/{{notification_id}}/read": each(
        "notification_id", "notification:secretariat"
    ),
    f"{API}/me/notifications/{{notification_id}}/unread": each(
        "notification_id", "notification:secretariat"
    ),
    f"{API}/me/notification-preferences/{{kind}}": [{"kind": "joining.updates"}],
    f"{API}/board/meetings/{{meeting_id}}": each("meeting_id", "meeting:upcoming"),
    f"{API}/events/{{event_id}}": each(
        "event_id", "event:community 2023 (past)", "event:webinar (upcoming)"
    ),
    f"{API}/events/{{event_id}}/register": each("event_id", "event:webinar (upcoming)"),
    f"{API}/events/{{event_id}}/cancel": each("event_id", "event:webinar (upcoming)"),
    f"{API}/joining/expressions/{{expression_id}}": each(
        "expression_id", "expression:macra converted", "expression:ucad draft"
    ),
    f"{API}/joining/expressions/{{expression_id}}/submit": each(
        "expression_id", "expression:fmcide submitted", "expression:ucad draft"
    ),
    f"{API}/joining/expressions/{{expression_id}}/assessment": each(
        "expression_id", "expression:fmcide submitted", "expression:ucad draft"
    ),
    f"{API}/joining/assessments/{{assessment_id}}": each(
        "assessment_id", "assessment:uon draft", "assessment:macra completed"
    ),
    f"{API}/joining/assessments/{{assessment_id}}/sections/{{section}}": each(
        "assessment_id", "assessment:uon draft", "assessment:macra completed", section="ecosystem"
    ),
    f"{API}/joining/assessments/{{assessment_id}}/submit": each(
        "assessment_id", "assessment:uon draft", "assessment:macra completed"
    ),
    f"{API}/calls/{{call_id}}": each("call_id", "call:open", "call:draft"),
    f"{API}/calls/{{call_id}}/results": each(
        "call_id", "call:first (results published)", "call:open"
    ),
    f"{API}/staff/calls/{{call_id}}/close": each(
        "call_id", "call:open", "call:first (results published)"
    ),
    f"{API}/my/applications/{{application_id}}": each(
        "application_id", "application:fmcide draft", "application:uon submitted"
    ),
    f"{API}/my/applications/{{application_id}}/submit": each(
        "application_id", "application:fmcide draft", "application:uon submitted"
    ),
    f"{API}/my/applications/{{application_id}}/withdraw": each(
        "application_id", "application:fmcide draft", "application:uon submitted"
    ),
    f"{API}/my/reviews/{{assignment_id}}/declaration": each(
        "assignment_id", "review:demo reviewer assigned"
    ),
    f"{API}/my/reviews/{{assignment_id}}/scores": each(
        "assignment_id", "review:idda reviewer accepted"
    ),
    f"{API}/lab/requests/{{request_id}}": each(
        "request_id", "request:fmcide submitted", "request:macra in progress"
    ),
    f"{API}/lab/requests/{{request_id}}/agree": each(
        "request_id", "request:macra assigned", "request:macra in progress"
    ),
    f"{API}/lab/requests/{{request_id}}/close": each("request_id", "request:macra delivered"),
    f"{API}/monitoring/reports/{{report_id}}": each(
        "report_id", "report:macra due", "report:tcra submitted"
    ),
    f"{API}/monitoring/reports/{{report_id}}/submit": each(
        "report_id", "report:macra due", "report:gic changes requested"
    ),
    f"{API}/news/announcements/{{announcement_id}}": each(
        "announcement_id", "announcement:pilot (published)", "announcement:draft"
    ),
}

# The staff actions of alliance.core.api_actions: each resource's detail and actions are
# asked about one object of the demo (writes are rolled back).
ACTION_OBJECTS = {
    "/staff/calls": "call:open",
    "/staff/applications": "application:uon submitted",
    "/staff/assignments": "review:demo reviewer assigned",
    "/my/applications": "application:fmcide draft",
    "/lab/staff/requests": "request:fmcide submitted",
    "/lab/staff/agreements": "agreement:idda draft",
    "/lab/staff/projects": "project:mobile money (active)",
    "/monitoring/staff/reports": "report:tcra submitted",
    "/monitoring/staff/lessons": "lesson:draft",
    "/centres/staff/centres": "centre:mexico (in design)",
    "/centres/staff/accreditations": "accreditation:macra active",
    "/centres/staff/renewals": "renewal:gic self-report due",
    "/centres/staff/category-changes": "move:uae requested",
    "/centres/staff/recognitions": "recognition:ucad requested",
    "/centres/staff/initiatives": "initiative:macra",
    "/board/staff/nominations": "nomination:macra submitted",
    "/board/staff/members": "seat:board member",
    "/board/staff/meetings": "meeting:upcoming",
    "/board/staff/decisions": "decision:published",
    "/board/staff/experts": "expert:applied",
    "/events/staff/events": "event:webinar (upcoming)",
    "/events/staff/registrations": "registration:macra focal webinar",
    "/joining/staff/expressions": "expression:fmcide submitted",
    "/joining/staff/assessments": "assessment:uon draft",
    "/joining/staff/declarations": "declaration:macra countersigned",
    "/invitations": "invitation:macra pending",
    "/news/staff/announcements": "announcement:draft",
    "/news/staff/pilots": "pilot:rwanda",
}


def _action_targets() -> dict:
    from alliance.core.api_actions import RESOURCES

    out = {}
    for resources in RESOURCES.values():
        for r in resources:
            cases = each(r.id_name, ACTION_OBJECTS[r.path])
            base = f"{API}{r.path}/{{{r.id_name}}}"
            if r.detail:
                out[base] = cases
            for name in r.actions:
                out[f"{base}/actions/{name}"] = cases
    return out


API_TARGETS.update(_action_targets())
API_TARGETS.update(
    {
        f"{API}/staff/calls/{{call_id}}/applications": each("call_id", "call:europe (in review)"),
        f"{API}/staff/applications/{{application_id}}/assignments": each(
            "application_id", "application:idda in review"
        ),
        f"{API}/my/calls/{{call_id}}/applications": each("call_id", "call:open"),
        f"{API}/my/reviews/{{assignment_id}}": each(
            "assignment_id", "review:idda reviewer accepted"
        ),
        f"{API}/organisations/{{organisation_id}}/invitations": each(
            "organisation_id", "org:macra", "org:idda (no members)"
        ),
        f"{API}/joining/declarations/{{declaration_id}}": each(
            "declaration_id", "declaration:macra countersigned"
        ),
        f"{API}/joining/declarations/{{declaration_id}}/sign": each(
            "declaration_id", "declaration:macra countersigned"
        ),
    }
)
