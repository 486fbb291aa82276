"""Demo technical assistance requests in every state, and cooperation agreements with
projects for the demo centres. Idempotent: rows are found by their description or title."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.lab.models import (
    CooperationAgreement,
    Deliverable,
    DeliveryDocument,
    PlanMilestone,
    Project,
    ProjectMilestone,
    TechnicalAssistanceRequest,
)
from alliance.lab.states import RequestStatus

S = RequestStatus
REQUESTS = [
    # organisation key, requester key, kind, status, days ago, description
    (
        "macra",
        "macra_focal",
        "sandbox",
        S.CLOSED,
        300,
        "Design a regulatory sandbox for mobile money start-ups.",
    ),
    (
        "macra",
        "macra_focal",
        "monitoring",
        S.IN_PROGRESS,
        60,
        "Help us set baselines and targets for our centre's indicators.",
    ),
    (
        "ng_ministry",
        "ministry",
        "preliminary_review",
        S.SUBMITTED,
        3,
        "Preliminary review of our ecosystem before we apply for a national centre.",
    ),
    (
        "ng_ministry",
        "ministry",
        "centre_design",
        S.TRIAGED,
        12,
        "Support to design a Digital Transformation Acceleration Centre in Abuja.",
    ),
    (
        "macra",
        "macra_signatory",
        "capacity_building",
        S.ASSIGNED,
        20,
        "Train our staff in Design Thinking for public services.",
    ),
    (
        "macra",
        "macra_focal",
        "acceleration",
        S.DELIVERED,
        120,
        "Run an acceleration bootcamp for our second start-up cohort.",
    ),
    ("ng_ministry", "ministry", "other", S.DECLINED, 90, "Fund our national broadband roll-out."),
]


def _pdf(title: str) -> ContentFile:
    return ContentFile(f"%PDF-1.4\n% {title}\n".encode(), name="demo.pdf")


def _seed_requests(ctx, lab):
    now = timezone.now()
    for org_key, user_key, kind, status, days, description in REQUESTS:
        created = now - timedelta(days=days)
        tar, _new = TechnicalAssistanceRequest.objects.get_or_create(
            description=description,
            defaults={
                "organisation": ctx.organisations[org_key],
                "requested_by": ctx.users.get(user_key),
                "kind": kind,
                "urgency": "normal",
                "preferred_language": "en",
            },
        )
        fields = {"status": status}
        if status not in (S.SUBMITTED, S.DECLINED):
            fields["triage_note"] = "Within the Lab's mandate; a Lab expert will follow up."
        if status in (S.ASSIGNED, S.IN_PROGRESS, S.DELIVERED, S.CLOSED):
            fields["assigned_to"] = lab
            fields["plan"] = "A kick-off call, two workshops and a written review."
            fields["plan_proposed_at"] = created + timedelta(days=7)
        if status in (S.IN_PROGRESS, S.DELIVERED, S.CLOSED):
            fields["plan_agreed_at"] = created + timedelta(days=9)
            fields["plan_agreed_by"] = ctx.users.get(user_key)
        if status in (S.DELIVERED, S.CLOSED):
            fields["delivered_at"] = created + timedelta(days=45)
            fields["delivery_note"] = "The review and the workshop materials are attached."
        if status == S.CLOSED:
            fields["closed_at"] = created + timedelta(days=50)
            fields["satisfaction"] = 5
            fields["satisfaction_comment"] = "Clear, practical and on time."
        if status == S.DECLINED:
            fields["decline_reason"] = "Infrastructure funding is outside the Lab's mandate."
        TechnicalAssistanceRequest.objects.filter(pk=tar.pk).update(created_at=created, **fields)
        if "plan" in fields:
            for n, title in enumerate(["Kick-off call", "Workshops", "Written review"]):
                done = status in (S.DELIVERED, S.CLOSED) or (status == S.IN_PROGRESS and n == 0)
                PlanMilestone.objects.update_or_create(
                    request=tar,
                    title=title,
                    defaults={
                        "due_date": (created + timedelta(days=14 * (n + 1))).date(),
                        "done_at": created + timedelta(days=14 * (n + 1)) if done else None,
                    },
                )
        if status in (S.DELIVERED, S.CLOSED) and not tar.documents.exists():
            DeliveryDocument.objects.create(
                request=tar,
                title="Review and recommendations",
                file=_pdf(description),
                uploaded_by=lab,
            )


AGREEMENTS = [
    # centre name, title, status, start, end, projects
    (
        "MACRA Digital Transformation Acceleration Centre",
        "Cooperation agreement BDT–MACRA on the Malawi acceleration centre",
        "active",
        date(2023, 9, 1),
        date(2026, 8, 31),
        [("Mobile money sandbox", 180000, "active"), ("Start-up cohort 2025", 95000, "completed")],
    ),
    (
        "TCRA Innovation Hub",
        "Cooperation agreement BDT–TCRA on the Tanzania innovation hub",
        "signed",
        date(2024, 3, 1),
        date(2027, 2, 28),
        [("Policy experimentation lab", 120000, "planned")],
    ),
    (
        "IDDA Regional Acceleration Centre",
        "Cooperation agreement BDT–IDDA on the CIS regional centre",
        "draft",
        date(2025, 11, 10),
        date(2028, 11, 9),
        [],
    ),
]


def _seed_agreements(lab):
    from alliance.centres.models import Centre

    for centre_name, title, status, start, end, projects in AGREEMENTS:
        centre = Centre.objects.filter(name=centre_name).select_related("host_organisation").first()
        if centre is None:
            continue
        agreement, _new = CooperationAgreement.objects.update_or_create(
            title=title,
            defaults={
                "host_organisation": centre.host_organisation,
                "centre": centre,
                "parties": f"ITU Telecommunication Development Bureau (BDT); {centre.host_organisation}",
                "scope": "The Digital Transformation Lab supports the design, implementation, "
                "monitoring and evaluation of the centre.",
                "start_date": start,
                "end_date": end,
                "status": status,
                "signed_at": start if status != "draft" else None,
                "created_by": lab,
            },
        )
        if status != "draft" and not agreement.document:
            agreement.document.save("agreement.pdf", _pdf(title), save=True)
        for n, (project_title, budget, project_status) in enumerate(projects):
            p_start = start + timedelta(days=60 + 200 * n)
            project, _new = Project.objects.update_or_create(
                agreement=agreement,
                title=project_title,
                defaults={
                    "budget_usd": budget,
                    "start_date": p_start,
                    "end_date": p_start + timedelta(days=330),
                    "status": project_status,
                    "description": "Delivered with the host's team and local partners.",
                },
            )
            for k, milestone in enumerate(["Inception", "Mid-term review", "Final event"]):
                due = p_start + timedelta(days=110 * (k + 1))
                ProjectMilestone.objects.update_or_create(
                    project=project,
                    title=milestone,
                    defaults={
                        "due_date": due,
                        "done_at": due
                        if project_status == "completed" or (project_status == "active" and k == 0)
                        else None,
                    },
                )
            Deliverable.objects.update_or_create(
                project=project,
                title="Final report",
                defaults={
                    "due_date": p_start + timedelta(days=330),
                    "delivered_at": p_start + timedelta(days=325)
                    if project_status == "completed"
                    else None,
                },
            )


def seed(ctx):
    lab = ctx.users["lab"]
    _seed_requests(ctx, lab)
    _seed_agreements(lab)
