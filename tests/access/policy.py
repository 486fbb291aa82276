"""What must hold whatever the golden file says: who may see what without signing in,
what a signed-in stranger (no organisation, no role) may never reach, and that nothing
answers with a server error. Each check returns the cells that break it."""

from .api_targets import API
from .walk import Row

# Pages anyone may open without signing in (URL names).
PUBLIC_PAGES = {
    "healthz",
    "readyz",
    "choose_language",
    "credentials:jwks",
    "credentials:status_list",
    "credentials:context",
    "public:open_data",
    "public:open_data_decisions",
    "centres:public_credential",
    "calls:results_data",
    "api-1.0.0:openapi-json",
    "api-1.0.0:openapi-view",
    "api-1.0.0:api-root",
    "public:home",
    "public:centre_types",
    "public:key_dates",
    "public:key_dates_ical",
    "centres:registry",
    "centres:map",
    "centres:map_svg",
    "centres:coverage",
    "centres:export_csv",
    "centres:export_json",
    "centres:detail",
    "centres:verify",
    "centres:verify_code",
    "calls:list",
    "calls:detail",
    "calls:results",
    "board:board",
    "board:decisions",
    "board:experts",
    "joining:which_centre_type",
    "joining:verify",
    "joining:verify_file",  # reads an uploaded file, changes nothing
    "monitoring:figures",
    "monitoring:figures_chart",
    "monitoring:lessons",
    "monitoring:lesson_detail",
    "monitoring:lesson_attachment",
    "events:list",
    "events:past",
    "events:detail",
    "events:material_file",
    "accounts:invitation_accept",  # the token in the URL is the key
    "notifications:unsubscribe",  # the signed token in the URL is the key (RFC 8058)
    "calendar_feed",  # the secret in the URL is the key
    "news:list",
    "news:detail",
    "news:feed",
    "news:category_feed",
    "news:pilots",
    "news:country",
    "news:open_data_pilots",
    "news:subscribe",
    "news:confirm",  # the signed token in the URL is the key
    "news:unsubscribe",  # the signed token in the URL is the key (RFC 8058)
}

# API paths anyone may call without a token.
PUBLIC_API = {
    f"{API}/{path}"
    for path in (
        "objectives",
        "regions",
        "countries",
        "centre-types",
        "milestones",
        "centres",
        "centres/{centre_id}",
        "centres/{centre_id}/initiatives",
        "centres/{centre_id}/accreditations",
        "verify/{code}",
        "verify",
        "board/members",
        "board/decisions",
        "board/experts",
        "recommendation",
        "recommendations",
        "calls",
        "calls/{call_id}",
        "calls/{call_id}/results",
        "monitoring/figures",
        "news/announcements",
        "news/announcements/{announcement_id}",
        "news/pilots",
        "events",
        "events/{event_id}",
    )
}

# API lists that hold only the caller's own rows: empty (or refused) for the stranger.
OWN_LISTS = {
    f"{API}/{path}"
    for path in (
        "joining/expressions",
        "joining/assessments",
        "joining/declarations",
        "my/applications",
        "my/reviews",
        "lab/requests",
        "monitoring/reports",
        "board/meetings",
    )
}

# Demo objects anyone may see; every other object belongs to someone (an organisation,
# a reviewer, the Board, the staff) or is not published yet.
PUBLIC_OBJECTS = {
    "call:first (results published)",
    "call:open",
    "call:europe (in review)",
    "centre:macra (accredited)",
    "centre:tih (recognised partner)",
    "initiative:macra",
    "lesson:published",
    "lesson attachment:published",
    "decision:published",
    "milestone:expert network",
    "announcement:pilot (published)",
    "pilot:rwanda",
    "event:community 2023 (past)",
    "event:webinar (upcoming)",
    "material:community slides",
}

# Where any signed-in person acts on someone else's organisation by design: asking to
# join it (or to take it over when nobody runs it, issue 17). The page shows only its name.
ASK_TO_JOIN = {"accounts:join_request_create", "/api/v1/organisations/{pk}/join-requests"}

# Known breaks of an invariant, kept visible: {(check, row key, persona): why}.
KNOWN = {}


def private(row: Row) -> bool:
    """Whether the row points at an object the stranger has no business with. A code or
    token in the URL (verification code, invitation) is a key, not a pointer."""
    return any(
        value.key not in PUBLIC_OBJECTS and value.attr == "pk"
        for value in row.kwargs.values()
        if hasattr(value, "key")
    )


def status(answer: str) -> int:
    return int(answer.split()[0])


def _missing_twin(key: str, row: Row, observed: dict) -> str | None:
    """The stranger's answer for the same URL with ids that point at nothing."""
    for other, cells in observed.items():
        if other != key and other.startswith(f"{row.name} [") and "=missing" in other:
            return cells.get("stranger")
    return None


def no_server_error(rows, observed):
    for section in observed:
        for key, cells in observed[section].items():
            for persona, answer in cells.items():
                if status(answer) >= 500:
                    yield section, key, persona, answer


def signed_out_sent_to_sign_in(rows, observed):
    for key, answer in _cells(observed["pages"], "anonymous"):
        row = rows["pages"][key]
        public = row.name in PUBLIC_PAGES and not private(row)
        if not public and answer not in ("302 login", "404", "405"):
            yield "pages", key, "anonymous", answer
    for key, answer in _cells(observed["api"], "anonymous"):
        row = rows["api"][key]
        public = row.template in PUBLIC_API and not private(row)
        if not public and status(answer) not in (401, 404, 405):
            yield "api", key, "anonymous", answer


def stranger_kept_out(rows, observed):
    """On someone else's object: 404, or the very answer a missing object gets (a role gate
    that refuses before looking anything up tells nothing); never a success or a redirect."""
    for section, allowed in (("pages", {404}), ("api", {401, 403, 404})):
        for key, answer in _cells(observed[section], "stranger"):
            row = rows[section][key]
            if row.missing or not private(row):
                continue
            if row.name in ASK_TO_JOIN or getattr(row, "template", None) in ASK_TO_JOIN:
                continue
            twin = _missing_twin(key, row, observed[section])
            if status(answer) in allowed:
                continue
            if twin is None and status(answer) in (403, 405):
                continue  # GET is refused to everyone, or a role gate: no twin to compare
            if answer == twin and status(answer) in (403, 405, 422):
                continue
            yield section, key, "stranger", f"{answer} (missing object: {twin})"


def stranger_lists_nothing(rows, observed):
    for key, answer in _cells(observed["api"], "stranger"):
        row = rows["api"][key]
        own_list = row.template in OWN_LISTS and row.name.startswith("GET ")
        if own_list and answer != "200 n=0" and status(answer) not in (401, 403):
            yield "api", key, "stranger", answer


def _cells(section: dict, persona: str):
    for key, cells in section.items():
        if persona in cells:
            yield key, cells[persona]


CHECKS = {
    "no cell is a server error": no_server_error,
    "signed out: sent to sign in (or 404) on every page that is not public": (
        signed_out_sent_to_sign_in
    ),
    "stranger: 404 (pages) or 401/403/404 (API) on every object of someone else": (
        stranger_kept_out
    ),
    "stranger: the API lists of one's own rows are empty": stranger_lists_nothing,
}
