"""Staff actions that carry a file, through the generic routes as multipart uploads: a
Board paper, a cooperation agreement's corrected details, a project's deliverable. The
page's form rules (type, size, scanning) answer 422 per field; the project's own details
are corrected too. And the stored Idempotency-Key answers are pruned."""

import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from alliance.board.models import MeetingDocument
from alliance.board.tests.factories import MeetingFactory
from alliance.centres.tests.factories import accredited_centre
from alliance.core.idempotency import prune
from alliance.core.models import AuditEvent, IdempotencyKey
from alliance.core.schedule import SCHEDULE
from alliance.lab import services as lab
from alliance.lab.models import DeliveryDocument
from alliance.lab.tests.factories import AssistanceRequestFactory

from .http import bearer

pytestmark = pytest.mark.django_db


def pdf(name="paper.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%test", content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_secretariat_adds_a_board_paper(client, secretariat_officer, ministry_focal_point):
    meeting = MeetingFactory()
    path = f"/api/v1/board/staff/meetings/{meeting.pk}/actions/add_paper"
    headers = bearer(secretariat_officer, HTTP_IDEMPOTENCY_KEY="paper-1")
    response = client.post(path, {"title": "Budget 2027", "file": pdf()}, **headers)
    assert response.status_code == 200, response.content
    # The same upload again with the key: the stored answer, one paper, one event.
    again = client.post(path, {"title": "Budget 2027", "file": pdf()}, **headers)
    assert again["Idempotent-Replayed"] == "true"
    assert MeetingDocument.objects.filter(meeting=meeting).count() == 1
    assert AuditEvent.objects.filter(verb="meeting.paper_added").count() == 1
    other_file = client.post(path, {"title": "Budget 2027", "file": pdf("b.pdf")}, **headers)
    assert other_file.status_code == 422  # the key was for another request


def test_a_board_paper_follows_the_pages_upload_rules(client, secretariat_officer):
    meeting = MeetingFactory()
    path = f"/api/v1/board/staff/meetings/{meeting.pk}/actions/add_paper"
    exe = SimpleUploadedFile("budget.exe", b"MZ\x90\x00")
    refused = client.post(path, {"title": "Budget", "file": exe}, **bearer(secretariat_officer))
    assert refused.status_code == 422
    assert "file" in refused.json()["errors"]
    missing = client.post(path, {"title": "Budget"}, **bearer(secretariat_officer))
    assert missing.status_code == 422
    assert not MeetingDocument.objects.exists()


def test_a_board_paper_is_for_the_secretariat_only(client, ministry_focal_point, director):
    meeting = MeetingFactory(status="cancelled")
    path = f"/api/v1/board/staff/meetings/{meeting.pk}/actions/add_paper"
    outsider = client.post(path, {"title": "X", "file": pdf()}, **bearer(ministry_focal_point))
    assert outsider.status_code == 404
    cancelled = client.post(path, {"title": "X", "file": pdf()}, **bearer(director))
    assert cancelled.status_code == 409
    assert cancelled.json()["message"] == "Papers cannot be added to a cancelled meeting."
    assert not MeetingDocument.objects.exists()


@pytest.fixture
def agreement(secretariat_officer, director, lab_expert, ministry):
    centre, _a = accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )
    return lab.agreement_create(
        actor=lab_expert,
        host_organisation=centre.host_organisation,
        centre=centre,
        title="Support to the Blantyre centre",
        parties="BDT; the ministry",
        scope="Design and monitoring support.",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
    )


@pytest.fixture
def project(agreement, lab_expert):
    return lab.project_create(
        actor=lab_expert,
        agreement=agreement,
        title="Sandbox",
        description="",
        budget_usd=1000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )


AGREEMENT = {
    "title": "Support to the Blantyre and Zomba centres",
    "parties": "BDT; the ministry",
    "scope": "Design, monitoring and training.",
    "start_date": "2025-01-01",
    "end_date": "2028-06-30",
}


def test_the_lab_corrects_an_agreement_with_or_without_a_new_document(
    client, agreement, lab_expert, stranger
):
    path = f"/api/v1/lab/staff/agreements/{agreement.pk}/actions/edit"
    assert client.post(path, AGREEMENT, **bearer(stranger)).status_code == 404
    response = client.post(path, AGREEMENT, **bearer(lab_expert))
    assert response.status_code == 200, response.content
    assert response.json()["end_date"] == "2028-06-30"
    agreement.refresh_from_db()
    assert not agreement.document
    with_document = client.post(path, {**AGREEMENT, "document": pdf()}, **bearer(lab_expert))
    assert with_document.status_code == 200
    agreement.refresh_from_db()
    assert agreement.document
    backwards = client.post(path, {**AGREEMENT, "end_date": "2024-01-01"}, **bearer(lab_expert))
    assert backwards.status_code == 409
    assert backwards.json()["code"] == "dates"


def test_the_lab_corrects_a_project_with_the_pages_limits(client, project, lab_expert, stranger):
    path = f"/lab/staff/projects/{project.pk}/actions/edit"
    body = {
        "title": "Regulatory sandbox",
        "description": "",
        "budget_usd": 5000,
        "start_date": "2025-02-01",
        "end_date": "2026-03-31",
    }

    def send(data, user):
        return client.post(
            "/api/v1" + path, json.dumps(data), content_type="application/json", **bearer(user)
        )

    assert send(body, stranger).status_code == 404
    response = send(body, lab_expert)
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["budget_usd"]) == ("Regulatory sandbox", 5000)
    too_big = send({**body, "budget_usd": 10**10}, lab_expert)
    assert too_big.status_code == 422
    assert "budget_usd" in too_big.json()["errors"]
    lab.project_set_status(project_id=project.pk, actor=lab_expert, status="cancelled")
    closed = send(body, lab_expert)
    assert closed.status_code == 409
    assert closed.json()["code"] == "project_closed"


def test_the_lab_delivers_a_deliverable_with_its_document(client, project, lab_expert, stranger):
    deliverable = lab.deliverable_add(
        project_id=project.pk, actor=lab_expert, title="Final report", due_date=date(2025, 12, 1)
    )
    path = f"/api/v1/lab/staff/projects/{project.pk}/actions/deliver"
    listed = client.get(f"/api/v1/lab/staff/projects/{project.pk}", **bearer(lab_expert)).json()
    assert listed["deliverables"][0]["id"] == deliverable.pk
    body = {"deliverable_id": deliverable.pk}
    assert client.post(path, {**body, "document": pdf()}, **bearer(stranger)).status_code == 404
    exe = SimpleUploadedFile("x.exe", b"MZ")
    bad = client.post(path, {**body, "document": exe}, **bearer(lab_expert))
    assert bad.status_code == 422
    assert "document" in bad.json()["errors"]
    unknown = client.post(
        path, {"deliverable_id": 999_999, "document": pdf()}, **bearer(lab_expert)
    )
    assert unknown.status_code == 404
    done = client.post(path, {**body, "document": pdf()}, **bearer(lab_expert))
    assert done.status_code == 200, done.content
    assert done.json()["deliverables"][0]["delivered"] is True
    twice = client.post(path, {**body, "document": pdf()}, **bearer(lab_expert))
    assert twice.status_code == 409
    assert twice.json()["code"] == "delivered"


@pytest.fixture
def in_progress(ministry, lab_expert, ministry_focal_point):
    tar = AssistanceRequestFactory(organisation=ministry)
    lab.request_triage(request_id=tar.pk, actor=lab_expert)
    lab.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    lab.request_plan_propose(
        request_id=tar.pk,
        actor=lab_expert,
        plan="A review.",
        milestones=[("Review", date(2026, 1, 15))],
    )
    lab.request_plan_agree(request_id=tar.pk, actor=ministry_focal_point)
    return tar


def test_the_lab_delivers_a_request_with_its_document(client, in_progress, lab_expert, stranger):
    path = f"/api/v1/lab/staff/requests/{in_progress.pk}/actions/deliver"
    body = {"note": "Review attached.", "title": "Ecosystem review"}
    assert client.post(path, {**body, "document": pdf()}, **bearer(stranger)).status_code == 404
    exe = client.post(
        path, {**body, "document": SimpleUploadedFile("x.exe", b"MZ")}, **bearer(lab_expert)
    )
    assert exe.status_code == 422
    assert "document" in exe.json()["errors"]
    untitled = client.post(path, {"note": "Here.", "document": pdf()}, **bearer(lab_expert))
    assert untitled.status_code == 422
    assert "title" in untitled.json()["errors"]
    assert in_progress.documents.count() == 0
    headers = bearer(lab_expert, HTTP_IDEMPOTENCY_KEY="deliver-1")
    done = client.post(path, {**body, "document": pdf()}, **headers)
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "delivered"
    again = client.post(path, {**body, "document": pdf()}, **headers)
    assert again["Idempotent-Replayed"] == "true"
    assert list(in_progress.documents.values_list("title", flat=True)) == ["Ecosystem review"]
    assert AuditEvent.objects.filter(verb="assistance_request.delivered").count() == 1


def test_a_request_is_still_delivered_with_a_json_note(client, in_progress, lab_expert):
    path = f"/api/v1/lab/staff/requests/{in_progress.pk}/actions/deliver"
    send = lambda body: client.post(  # noqa: E731
        path, json.dumps(body), content_type="application/json", **bearer(lab_expert)
    )
    nothing = send({"note": "Done."})
    assert (nothing.status_code, nothing.json()["code"]) == (409, "no_document")
    assert send({}).status_code == 422  # the note is still required
    # As before, a body that is not multipart is read as JSON, whatever its Content-Type.
    untyped = client.post(
        path, json.dumps({"note": "Done."}), content_type="text/plain", **bearer(lab_expert)
    )
    assert (untyped.status_code, untyped.json()["code"]) == (409, "no_document")
    DeliveryDocument.objects.create(
        request=in_progress, title="Draft review", file=pdf(), uploaded_by=lab_expert
    )
    done = send({"note": "Done, see the review."})
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "delivered"
    in_progress.refresh_from_db()
    assert in_progress.delivery_note == "Done, see the review."


def test_stored_idempotency_answers_are_pruned_after_a_day(stranger):
    old = IdempotencyKey.objects.create(user=stranger, key="old", fingerprint="x", status_code=200)
    IdempotencyKey.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    IdempotencyKey.objects.create(user=stranger, key="new", fingerprint="y", status_code=200)
    call_command("prune_idempotency_keys")
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]
    assert prune() == 0
    assert "prune_idempotency_keys" in {job.command for job in SCHEDULE}
