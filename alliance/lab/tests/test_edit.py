from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.centres.tests.factories import accredited_centre
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.lab import services
from alliance.lab.models import CooperationAgreement, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(secretariat_officer, director, lab_expert, ministry):
    centre, _a = accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )
    return centre


@pytest.fixture
def agreement(centre, lab_expert):
    return services.agreement_create(
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
    return services.project_create(
        actor=lab_expert,
        agreement=agreement,
        title="Sandbox",
        description="A regulatory sandbox.",
        budget_usd=1000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )


def pdf(name="signed.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4", content_type="application/pdf")


AGREEMENT_POST = {
    "title": "Support to the Blantyre centre (amended)",
    "parties": "BDT; the ministry; the university",
    "scope": "Design, monitoring and training.",
    "start_date": "2025-01-01",
    "end_date": "2028-06-30",
}
PROJECT_POST = {
    "title": "Sandbox, phase 1",
    "description": "A regulatory sandbox for fintech.",
    "budget_usd": "250000",
    "start_date": "2025-03-01",
    "end_date": "2026-03-31",
}


def test_lab_edits_a_draft_agreement_and_the_change_is_audited(client, agreement, lab_expert):
    client.force_login(lab_expert)
    detail = client.get(reverse("lab:agreement_detail", args=[agreement.pk])).content.decode()
    url = reverse("lab:agreement_edit", args=[agreement.pk])
    assert url in detail
    form = client.get(url).content.decode()
    assert "Design and monitoring support." in form
    response = client.post(url, AGREEMENT_POST)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.parties == "BDT; the ministry; the university"
    assert agreement.end_date == date(2028, 6, 30)
    event = AuditEvent.objects.get(verb="agreement.updated")
    assert event.before["scope"] == "Design and monitoring support."
    assert event.after["scope"] == "Design, monitoring and training."
    assert event.after["end_date"] == "2028-06-30"


def test_secretariat_replaces_the_document_of_a_signed_agreement(
    client, agreement, lab_expert, secretariat_officer
):
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
    )
    old_document = CooperationAgreement.objects.get().document.name
    client.force_login(secretariat_officer)
    url = reverse("lab:agreement_edit", args=[agreement.pk])
    client.post(url, AGREEMENT_POST | {"document": pdf("corrected.pdf")})
    agreement.refresh_from_db()
    assert agreement.document_name == "corrected.pdf" and agreement.document.name != old_document
    assert agreement.status == "signed"
    # No new file: the current document stays.
    client.post(url, AGREEMENT_POST | {"scope": "Only training."})
    agreement.refresh_from_db()
    assert agreement.scope == "Only training." and agreement.document_name == "corrected.pdf"
    assert old_document != agreement.document.name


def test_agreement_edit_refuses_bad_input_and_keeps_what_was_typed(client, agreement, lab_expert):
    client.force_login(lab_expert)
    url = reverse("lab:agreement_edit", args=[agreement.pk])
    bad_dates = client.post(url, AGREEMENT_POST | {"end_date": "2024-01-01"})
    page = bad_dates.content.decode()
    assert "must come after" in page and "Design, monitoring and training." in page
    exe = client.post(url, AGREEMENT_POST | {"document": SimpleUploadedFile("x.exe", b"MZ")})
    assert exe.status_code == 200
    agreement.refresh_from_db()
    assert agreement.scope == "Design and monitoring support."
    assert not agreement.document
    assert not AuditEvent.objects.filter(verb="agreement.updated").exists()


def test_ended_agreement_is_read_only(client, agreement, lab_expert):
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
    )
    services.agreement_set_status(agreement_id=agreement.pk, actor=lab_expert, status="ended")
    with pytest.raises(TransitionRefused) as refused:
        services.agreement_update(
            agreement_id=agreement.pk,
            actor=lab_expert,
            **(AGREEMENT_POST | {"start_date": date(2025, 1, 1), "end_date": date(2028, 1, 1)}),
        )
    assert refused.value.code == "ended"
    client.force_login(lab_expert)
    url = reverse("lab:agreement_edit", args=[agreement.pk])
    detail = client.get(reverse("lab:agreement_detail", args=[agreement.pk])).content.decode()
    assert url not in detail
    response = client.post(url, AGREEMENT_POST, follow=True)
    assert "can no longer be changed" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.title == "Support to the Blantyre centre"
    assert not AuditEvent.objects.filter(verb="agreement.updated").exists()


def test_host_members_cannot_edit_and_strangers_get_404(
    client, agreement, project, ministry_focal_point, stranger
):
    client.force_login(ministry_focal_point)
    assert client.get(reverse("lab:agreement_edit", args=[agreement.pk])).status_code == 403
    assert (
        client.post(reverse("lab:project_edit", args=[project.pk]), PROJECT_POST).status_code == 403
    )
    client.force_login(stranger)
    assert client.get(reverse("lab:agreement_edit", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("lab:project_edit", args=[project.pk])).status_code == 404
    assert (
        client.post(reverse("lab:project_edit", args=[project.pk]), PROJECT_POST).status_code == 404
    )
    with pytest.raises(PermissionRefused):
        services.project_update(
            project_id=project.pk,
            actor=ministry_focal_point,
            title="X",
            description="",
            budget_usd=1,
            start_date=date(2025, 1, 1),
            end_date=date(2025, 2, 1),
        )
    project.refresh_from_db()
    agreement.refresh_from_db()
    assert project.title == "Sandbox" and project.budget_usd == 1000
    assert agreement.title == "Support to the Blantyre centre"


def test_lab_edits_an_open_project(client, project, lab_expert):
    client.force_login(lab_expert)
    detail = client.get(reverse("lab:project_detail", args=[project.pk])).content.decode()
    url = reverse("lab:project_edit", args=[project.pk])
    assert url in detail
    assert "A regulatory sandbox." in client.get(url).content.decode()
    assert client.post(url, PROJECT_POST).status_code == 302
    project.refresh_from_db()
    assert project.budget_usd == 250000 and project.end_date == date(2026, 3, 31)
    assert project.description == "A regulatory sandbox for fintech."
    event = AuditEvent.objects.get(verb="project.updated")
    assert event.before["budget_usd"] == 1000 and event.after["budget_usd"] == 250000


def test_project_edit_refuses_bad_dates(client, project, lab_expert):
    client.force_login(lab_expert)
    url = reverse("lab:project_edit", args=[project.pk])
    page = client.post(url, PROJECT_POST | {"end_date": "2024-01-01"}).content.decode()
    assert "must come after" in page and "A regulatory sandbox for fintech." in page
    project.refresh_from_db()
    assert project.budget_usd == 1000


@pytest.mark.parametrize("final", ["completed", "cancelled"])
def test_closed_project_is_read_only(client, agreement, project, lab_expert, final):
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
    )
    services.project_set_status(project_id=project.pk, actor=lab_expert, status="active")
    services.project_set_status(project_id=project.pk, actor=lab_expert, status=final)
    client.force_login(lab_expert)
    url = reverse("lab:project_edit", args=[project.pk])
    assert url not in client.get(reverse("lab:project_detail", args=[project.pk])).content.decode()
    response = client.post(url, PROJECT_POST, follow=True)
    assert "takes no more changes" in response.content.decode()
    with pytest.raises(TransitionRefused) as refused:
        services.project_update(
            project_id=project.pk,
            actor=lab_expert,
            title="X",
            description="",
            budget_usd=1,
            start_date=date(2025, 1, 1),
            end_date=date(2025, 2, 1),
        )
    assert refused.value.code == "project_closed"
    project = Project.objects.get(pk=project.pk)
    assert project.budget_usd == 1000 and project.title == "Sandbox"
    assert not AuditEvent.objects.filter(verb="project.updated").exists()


def test_edit_pages_and_refusal_in_french(client, agreement, lab_expert):
    import html

    from django.utils import translation

    client.force_login(lab_expert)
    try:
        with translation.override("fr"):
            url = reverse("lab:agreement_edit", args=[agreement.pk])
        page = html.unescape(client.get(url).content.decode())
        assert "Modifier les informations de l'accord" in page
        services.agreement_set_status(
            agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
        )
        services.agreement_set_status(agreement_id=agreement.pk, actor=lab_expert, status="ended")
        refused = html.unescape(client.post(url, AGREEMENT_POST, follow=True).content.decode())
        assert "ses informations ne peuvent plus être modifiées" in refused
    finally:
        translation.activate("en")
