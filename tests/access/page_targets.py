"""Which demo objects each URL pattern with parameters is walked with: one per state in
which access differs (a draft and a submitted application, a call in draft and an open
one, one's own organisation and another...). A URL pattern added later that takes
parameters fails the matrix until it has an entry here; an object anyone may see goes in
`policy.PUBLIC_OBJECTS`, every other one counts as someone else's for the stranger."""

from .objects import ref


def each(param: str, *keys: str, **fixed) -> list[dict]:
    """One case per object: {param: ref(key), **fixed}."""
    return [{param: ref(key), **fixed} for key in keys]


CENTRES = ("centre:macra (accredited)", "centre:mexico (in design)")
PUBLIC_CALLS = ("call:open", "call:draft")
APPLICATIONS = (
    "application:fmcide draft",
    "application:uon submitted",
    "application:idda in review",
)
REVIEWS = ("review:idda reviewer accepted", "review:idda reviewer2 submitted")
EXPRESSIONS = ("expression:macra converted", "expression:fmcide submitted", "expression:ucad draft")
ASSESSMENTS = ("assessment:macra completed", "assessment:uon draft")
DECLARATIONS = ("declaration:macra countersigned",)
ORGANISATIONS = ("org:macra", "org:idda (no members)")
REQUESTS = ("request:fmcide submitted", "request:macra in progress", "request:macra assigned")
AGREEMENTS = ("agreement:macra active", "agreement:idda draft")
PROJECTS = ("project:mobile money (active)", "project:policy lab (planned)")
REPORTS = ("report:macra due", "report:tcra submitted", "report:macra accepted")
LESSONS = ("lesson:published", "lesson:draft")
NOMINATIONS = ("nomination:macra submitted",)
ANNOUNCEMENTS = (
    "announcement:pilot (published)",
    "announcement:next call (scheduled)",
    "announcement:draft",
)
EVENTS = ("event:community 2023 (past)", "event:webinar (upcoming)")


def _by_name() -> dict[str, list[dict]]:
    t = {}
    # public
    for name in ("public:milestone_edit", "public:milestone_delete"):
        t[name] = each("pk", "milestone:expert network")
    # notifications: the secretariat's own message; secrets carried in the URL
    for name in ("notifications:open", "notifications:mark"):
        t[name] = each("pk", "notification:secretariat")
    t["notifications:unsubscribe"] = [{"token": ref("unsubscribe:secretariat", "token")}]
    t["calendar_feed"] = [{"token": ref("feed:secretariat", "token")}]
    # the language switcher (outside the language prefix)
    t["choose_language"] = [{"code": "fr"}]
    # credentials (outside the language prefix)
    t["credentials:status_list"] = [{"purpose": "revocation"}]
    # centres
    t["centres:detail"] = each("pk", *CENTRES)
    t["centres:public_credential"] = each("pk", *CENTRES)
    t["centres:verify_code"] = [
        {"code": ref("accreditation:thailand revoked", "verification_code")}
    ]
    t["centres:recognition"] = each("pk", "recognition:tih approved", "recognition:ucad requested")
    for name in ("edit", "close", "accredit", "move_request"):
        t[f"centres:{name}"] = each("pk", *CENTRES)
    for name in ("manage", "profile"):  # what a centre manager opens most
        t[f"centres:{name}"] = each("pk", *CENTRES, "centre:tih (recognised partner)")
    t["centres:checklist"] = each("pk", "centre:mexico (in design)", item="cooperation_agreement")
    t["centres:initiative_new"] = each("centre_pk", *CENTRES[:1])
    t["centres:initiative_edit"] = each("pk", "initiative:macra")
    for name in ("renewal_open", "certificate", "credential"):
        t[f"centres:{name}"] = each("pk", "accreditation:macra active")
    t["centres:accreditation_action"] = [
        {"pk": ref("accreditation:macra active"), "action": "suspend"},
        {"pk": ref("accreditation:brazil suspended"), "action": "reinstate"},
    ]
    t["centres:renewal"] = each("pk", "renewal:macra renewed", "renewal:gic self-report due")
    t["centres:move"] = each("pk", "move:uae requested")
    # calls: public and applicant
    for name in ("detail", "apply"):
        t[f"calls:{name}"] = each("pk", *PUBLIC_CALLS)
    t["calls:results"] = each("pk", "call:first (results published)", "call:open")
    t["calls:results_data"] = each("pk", "call:first (results published)", fmt="csv")
    t["public:open_data_decisions"] = [{"fmt": "json"}]
    for name in ("application_detail", "application_documents", "application_check"):
        t[f"calls:{name}"] = each("pk", *APPLICATIONS)
    for name in ("application_submitted", "application_withdraw"):
        t[f"calls:{name}"] = each("pk", *APPLICATIONS[:2])
    t["calls:application_section"] = each("pk", *APPLICATIONS[:2], section="centre")
    for name in ("document_remove", "document_download"):
        t[f"calls:{name}"] = [
            {"pk": ref("application:fmcide draft"), "document_pk": ref("document:fmcide draft")}
        ]
    # calls: reviewers
    t["calls:review"] = each("pk", *REVIEWS)
    t["calls:review_document"] = [
        {"pk": ref(key), "document_pk": ref("document:idda in review")} for key in REVIEWS[:2]
    ]
    # calls: staff
    for name in ("staff_edit", "staff_criteria", "staff_questions", "staff_cancel"):
        t[f"calls:{name}"] = each("pk", "call:open")
    for name in (
        "staff_call",
        "staff_applications",
        "staff_bulk_assign",
        "staff_ranking",
        "staff_late",
        "export_applications",
        "export_ranking",
        "export_prepare",
    ):
        t[f"calls:{name}"] = each("pk", "call:europe (in review)")
    t["calls:staff_transition"] = [
        {"pk": ref("call:draft"), "action": "publish"},
        {"pk": ref("call:europe (in review)"), "action": "decided"},
    ]
    t["calls:export_download"] = [
        {"pk": ref("call:europe (in review)"), "export_pk": ref("export:europe applications")}
    ]
    t["calls:staff_remind"] = each("pk", "review:demo reviewer assigned")
    for name in ("staff_application", "staff_decide"):
        t[f"calls:{name}"] = each("pk", "application:idda in review")
    t["calls:staff_document"] = [
        {"pk": ref("application:idda in review"), "document_pk": ref("document:idda in review")}
    ]
    # accounts
    for name in ("organisation_detail", "organisation_edit", "invitation_create"):
        t[f"accounts:{name}"] = each("pk", *ORGANISATIONS)
    t["accounts:invitation_revoke"] = [
        {"pk": ref("org:macra"), "invitation_pk": ref("invitation:macra pending")}
    ]
    t["accounts:membership_edit"] = [
        {"pk": ref("org:macra"), "membership_pk": ref("membership:macra signatory")}
    ]
    t["accounts:invitation_accept"] = [{"token": ref("invitation:macra pending", "token")}]
    t["accounts:api_token_revoke"] = each("token_pk", "token:macra_focal")
    for name in (
        "join_request_create",
        "check_request",
        "membership_check",
        "person_add",
        "hand_over",
        "organisation_merge",
    ):
        t[f"accounts:{name}"] = each("pk", *ORGANISATIONS)
    for name in ("join_request_withdraw", "join_request_approve", "join_request_decline"):
        t[f"accounts:{name}"] = each("request_pk", "join request:fmcide pending")
    t["accounts:itu_entry_edit"] = each("entry_pk", "itu entry:malawi")
    # board
    t["board:member_meeting"] = each("pk", "meeting:upcoming")
    t["board:paper"] = each("pk", "paper:upcoming meeting")
    for name in (
        "nomination_submitted",
        "nomination_detail",
        "nomination_cv",
        "nomination_withdraw",
        "nomination_review",
        "nomination_eligibility",
        "nomination_approve",
        "nomination_decline",
    ):
        t[f"board:{name}"] = each("pk", *NOMINATIONS)
    for name in ("seat_detail", "seat_edit", "seat_renew", "seat_end"):
        t[f"board:{name}"] = each("pk", "seat:board member")
    for name in (
        "meeting_detail",
        "meeting_edit",
        "meeting_cancel",
        "meeting_invite",
        "agenda_add",
        "paper_add",
        "attendance",
        "minutes",
        "decision_create",
        "election",
    ):
        t[f"board:{name}"] = each("pk", "meeting:upcoming")
    for name in ("decision_status", "decision_publish"):
        t[f"board:{name}"] = each("pk", "decision:published")
    t["board:expert_decide"] = each("pk", "expert:applied")
    # joining
    for name in ("organisation", "expression_create"):
        t[f"joining:{name}"] = each("org_pk", "org:macra", "org:ucad")
    for name in (
        "expression_detail",
        "expression_edit",
        "expression_submit",
        "expression_acknowledge",
        "expression_decline",
        "assessment_start",
    ):
        t[f"joining:{name}"] = each("pk", *EXPRESSIONS)
    for name in ("assessment_detail", "assessment_tasks"):
        t[f"joining:{name}"] = each("pk", *ASSESSMENTS)
    t["joining:assessment_check"] = each("pk", "assessment:uon draft")
    for name in (
        "assessment_submitted",
        "assessment_start_review",
        "assessment_complete",
        "assessment_report",
        "assessment_profile",
    ):
        t[f"joining:{name}"] = each("pk", "assessment:macra completed")
    t["joining:assessment_section"] = each("pk", *ASSESSMENTS, section="ecosystem")
    t["joining:declaration_create"] = each("assessment_pk", "assessment:macra completed")
    for name in (
        "declaration_detail",
        "declaration_sign",
        "declaration_countersign",
        "declaration_withdraw",
        "declaration_document",
        "declaration_copy",
    ):
        t[f"joining:{name}"] = each("pk", *DECLARATIONS)
    t["joining:queue"] = [{"kind": "expressions"}]
    # lab
    t["lab:request_create"] = each("org_pk", "org:macra")
    t["lab:request_detail"] = each("pk", *REQUESTS[:2])
    for name in (
        "request_triage",
        "request_assign",
        "request_decline",
        "request_plan",
        "request_agree",
        "request_deliver",
        "request_close",
    ):
        t[f"lab:{name}"] = each("pk", *REQUESTS)
    t["lab:milestone_done"] = [
        {
            "pk": ref("request:macra in progress"),
            "milestone_pk": ref("plan milestone:macra in progress"),
        }
    ]
    t["lab:document"] = [
        {"pk": ref("request:macra delivered"), "doc_pk": ref("delivery document:macra delivered")}
    ]
    t["lab:agreement_detail"] = each("pk", *AGREEMENTS)
    for name in ("agreement_edit", "agreement_status", "project_create"):
        t[f"lab:{name}"] = each("pk", *AGREEMENTS[:1])
    t["lab:agreement_document"] = each("pk", "agreement:macra active")
    t["lab:project_detail"] = each("pk", *PROJECTS)
    for name in ("project_edit", "project_status", "project_item_add"):
        t[f"lab:{name}"] = each("pk", *PROJECTS[:1])
    t["lab:project_milestone_done"] = [
        {
            "pk": ref("project:mobile money (active)"),
            "item_pk": ref("project milestone:mobile money"),
        }
    ]
    t["lab:deliverable_deliver"] = [
        {"pk": ref("project:mobile money (active)"), "item_pk": ref("deliverable:mobile money")}
    ]
    t["lab:deliverable_document"] = [
        {
            "pk": ref("project:start-up cohort (completed)"),
            "item_pk": ref("deliverable:start-up cohort (delivered)"),
        }
    ]
    t["lab:centre"] = each("centre_pk", *CENTRES[:1])
    # monitoring
    t["monitoring:indicator_edit"] = each("pk", "indicator:startups")
    for name in ("centre_dashboard", "centre_indicator_set", "centre_csv", "schedule_set"):
        t[f"monitoring:{name}"] = each("centre_pk", *CENTRES[:1])
    for name in ("centre_indicator_remove", "centre_indicator_svg"):
        t[f"monitoring:{name}"] = [
            {
                "centre_pk": ref("centre:macra (accredited)"),
                "ci_pk": ref("centre indicator:macra startups"),
            }
        ]
    t["monitoring:network_chart"] = [{"name": "type", "fmt": "csv"}]
    t["monitoring:figures_chart"] = [{"fmt": "csv"}]
    t["monitoring:report_edit"] = each("pk", *REPORTS[:3])
    for name in (
        "report_detail",
        "report_attach",
        "report_check",
        "report_submitted",
        "report_decide",
    ):
        t[f"monitoring:{name}"] = each("pk", *REPORTS[:2])
    t["monitoring:attachment"] = [
        {"pk": ref("report:macra due"), "attachment_pk": ref("report attachment:macra due")}
    ]
    for name in ("lesson_detail", "lesson_status", "lesson_edit"):
        t[f"monitoring:{name}"] = each("pk", *LESSONS)
    t["monitoring:lesson_attachment"] = [
        {"pk": ref("lesson:published"), "attachment_pk": ref("lesson attachment:published")}
    ]
    # news
    for name in ("detail", "staff_detail", "staff_edit"):
        t[f"news:{name}"] = each("pk", *ANNOUNCEMENTS)
    t["news:staff_action"] = each("pk", ANNOUNCEMENTS[0], action="withdraw")
    t["news:pilot_action"] = each("pk", "pilot:rwanda", action="end")
    t["news:category_feed"] = [{"category": "centres"}, {"category": "none"}]
    t["news:country"] = [{"code": "RW"}, {"code": "XX"}]
    t["news:open_data_pilots"] = [{"fmt": "csv"}, {"fmt": "json"}]
    for name in ("confirm", "unsubscribe"):
        t[f"news:{name}"] = [{"token": ref("newsletter link:forged", "token")}]
    # events
    t["events:detail"] = each("pk", *EVENTS)
    t["events:register"] = each("pk", "event:webinar (upcoming)")
    t["events:material_file"] = [
        {"pk": ref("event:community 2023 (past)"), "material_pk": ref("material:community slides")}
    ]
    t["events:cancel"] = each("pk", "registration:macra focal webinar")
    t["events:organisation_registrations"] = each("pk", *ORGANISATIONS)
    for name in ("manage", "edit", "publish", "cancel_event", "attendance", "material_add"):
        t[f"events:{name}"] = each("pk", *EVENTS)
    t["events:export"] = each("pk", "event:webinar (upcoming)", fmt="csv")
    return t


# Views that refuse GET (405) to everyone allowed in: one object each is enough, and no
# row for a missing object. Should one of them start answering GET, its row shows it.
GET_REFUSED = {
    "accounts:api_token_revoke",
    "accounts:check_request",
    "accounts:invitation_revoke",
    "accounts:join_request_approve",
    "accounts:join_request_withdraw",
    "board:agenda_add",
    "events:cancel",
    "events:cancel_event",
    "events:publish",
    "events:register",
    "board:decision_publish",
    "board:decision_status",
    "board:expert_decide",
    "board:meeting_cancel",
    "board:meeting_invite",
    "board:nomination_review",
    "board:nomination_withdraw",
    "board:seat_end",
    "board:seat_renew",
    "calls:document_remove",
    "calls:export_prepare",
    "calls:staff_bulk_assign",
    "calls:staff_cancel",
    "calls:staff_remind",
    "calls:staff_transition",
    "centres:checklist",
    "centres:renewal_open",
    "joining:assessment_complete",
    "joining:assessment_start",
    "joining:assessment_start_review",
    "joining:declaration_countersign",
    "joining:declaration_sign",
    "joining:declaration_withdraw",
    "joining:expression_acknowledge",
    "joining:expression_decline",
    "joining:expression_submit",
    "lab:agreement_status",
    "lab:deliverable_deliver",
    "lab:milestone_done",
    "lab:project_create",
    "lab:project_item_add",
    "lab:project_milestone_done",
    "lab:project_status",
    "lab:request_agree",
    "lab:request_assign",
    "lab:request_close",
    "lab:request_decline",
    "lab:request_deliver",
    "lab:request_plan",
    "lab:request_triage",
    "monitoring:centre_indicator_remove",
    "monitoring:centre_indicator_set",
    "monitoring:lesson_status",
    "monitoring:report_attach",
    "monitoring:report_decide",
    "monitoring:schedule_set",
    "news:pilot_action",
    "news:staff_action",
    "public:milestone_delete",
}

TARGETS = {name: cases[:1] if name in GET_REFUSED else cases for name, cases in _by_name().items()}

# Patterns the matrix does not walk, and why.
SKIPPED_NAMESPACES = {
    "admin": "Django admin: its own permission system, not part of the platform's policy",
}
SKIPPED_PREFIXES = {
    "account_": "allauth's sign-in pages: not object pages, outside the platform's policy",
    "mfa_": "allauth's two-factor pages: not object pages, outside the platform's policy",
    "api_unknown_path": "the JSON 404 for API addresses no route has (tests/api/test_errors.py)",
}
