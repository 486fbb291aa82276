from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.centres.tests.factories import accredited_centre, centre_manager
from alliance.core.states import TransitionRefused
from alliance.lab import services
from alliance.lab.models import CooperationAgreement, ProjectMilestone

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


def pdf():
    return SimpleUploadedFile("signed.pdf", b"%PDF-1.4", content_type="application/pdf")


def test_agreement_lifecycle_and_project(agreement, lab_expert):
    with pytest.raises(TransitionRefused) as refused:
        services.agreement_set_status(agreement_id=agreement.pk, actor=lab_expert, status="signed")
    assert refused.value.code == "no_document"
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
    )
    project = services.project_create(
        actor=lab_expert,
        agreement=agreement,
        title="Sandbox",
        description="",
        budget_usd=120000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )
    services.project_set_status(project_id=project.pk, actor=lab_expert, status="active")
    services.project_milestone_add(
        project_id=project.pk, actor=lab_expert, title="Launch", due_date=date(2025, 3, 1)
    )
    services.project_set_status(project_id=project.pk, actor=lab_expert, status="completed")
    with pytest.raises(TransitionRefused) as refused:
        services.project_milestone_add(
            project_id=project.pk, actor=lab_expert, title="Late", due_date=date(2025, 4, 1)
        )
    assert refused.value.code == "project_closed"
    assert ProjectMilestone.objects.count() == 1


def test_ended_agreement_takes_no_project(agreement, lab_expert):
    services.agreement_set_status(
        agreement_id=agreement.pk, actor=lab_expert, status="signed", document=pdf()
    )
    services.agreement_set_status(agreement_id=agreement.pk, actor=lab_expert, status="ended")
    with pytest.raises(TransitionRefused) as refused:
        services.project_create(
            actor=lab_expert,
            agreement=agreement,
            title="X",
            description="",
            budget_usd=1,
            start_date=date(2025, 1, 1),
            end_date=date(2025, 2, 1),
        )
    assert refused.value.code == "ended"


def test_centre_page_shows_agreements_to_its_managers_only(
    client, centre, agreement, ministry_focal_point, django_assert_max_num_queries
):
    client.force_login(ministry_focal_point)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("lab:centre", args=[centre.pk])).content.decode()
    assert agreement.title in page
    client.force_login(centre_manager(OrganisationFactory(), "x@y.test"))
    assert client.get(reverse("lab:centre", args=[centre.pk])).status_code == 404
    assert client.get(reverse("lab:agreement_detail", args=[agreement.pk])).status_code == 404


def test_lab_records_an_agreement_from_the_pages(
    client, centre, lab_expert, django_assert_max_num_queries
):
    client.force_login(lab_expert)
    url = reverse("lab:agreement_create") + f"?centre={centre.pk}"
    bad = client.post(
        url,
        {
            "title": "T",
            "parties": "P",
            "scope": "S",
            "start_date": "2025-05-01",
            "end_date": "2025-01-01",
        },
    )
    assert "must come after" in bad.content.decode()
    client.post(
        url,
        {
            "title": "T",
            "parties": "P",
            "scope": "S",
            "start_date": "2025-01-01",
            "end_date": "2026-01-01",
        },
    )
    agreement = CooperationAgreement.objects.get()
    assert agreement.centre == centre and agreement.status == "draft"
    with django_assert_max_num_queries(15):
        assert client.get(reverse("lab:agreement_list")).status_code == 200


def test_deliverable_delivered_from_the_project_page(client, agreement, lab_expert):
    project = services.project_create(
        actor=lab_expert,
        agreement=agreement,
        title="Sandbox",
        description="",
        budget_usd=1000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )
    deliverable = services.deliverable_add(
        project_id=project.pk, actor=lab_expert, title="Final report", due_date=date(2025, 12, 1)
    )
    client.force_login(lab_expert)
    url = reverse("lab:deliverable_deliver", args=[project.pk, deliverable.pk])
    exe = SimpleUploadedFile("x.exe", b"MZ")
    client.post(url, {"document": exe})
    deliverable.refresh_from_db()
    assert deliverable.delivered_at is None
    client.post(url, {"document": pdf()})
    deliverable.refresh_from_db()
    assert deliverable.delivered_at is not None
    page = client.get(reverse("lab:project_detail", args=[project.pk])).content.decode()
    document_url = reverse("lab:deliverable_document", args=[project.pk, deliverable.pk])
    assert document_url in page
    assert client.get(document_url).status_code == 200
    client.force_login(centre_manager(OrganisationFactory(), "z@y.test"))
    assert client.get(document_url).status_code == 404
