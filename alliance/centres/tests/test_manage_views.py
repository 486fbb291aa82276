from datetime import date

import pytest
import time_machine
from django.urls import reverse

from alliance.accounts.tests.reauth import reauthenticated
from alliance.centres.models import Centre
from alliance.centres.states import CentreStatus

from .factories import centre_type, design_evidence, make_centre

pytestmark = pytest.mark.django_db


def test_secretariat_records_a_centre_then_lab_ticks_and_director_accredits(
    client, secretariat_officer, lab_expert, director, ministry
):
    client.force_login(secretariat_officer)
    response = client.post(
        reverse("centres:create"),
        {
            "name": "Lilongwe Centre",
            "centre_type": centre_type("INITIATIVES").pk,
            "scope": "national",
            "host_organisation": ministry.pk,
            "country": ministry_country_pk(),
        },
    )
    centre = Centre.objects.get(name="Lilongwe Centre")
    assert response.status_code == 302
    assert [o.code for o in centre.objectives.all()] == ["ECOSYSTEM"]
    client.force_login(lab_expert)
    # Ticking a step the data decides does nothing but say so.
    client.post(reverse("centres:checklist", args=[centre.pk, "cooperation_agreement"]))
    assert not centre.checklist.get(item="cooperation_agreement").done
    client.post(
        reverse("centres:checklist", args=[centre.pk, "resources_confirmed"]),
        {"note": "Budget letter of the ministry, 2025-2027."},
    )
    reauthenticated(client, director)
    body = client.post(
        reverse("centres:accredit", args=[centre.pk]), {"start_date": "2025-01-01"}
    ).content.decode()
    assert "The design phase is not complete" in body and "<title>Error:" in body
    assert "No signed cooperation agreement with the Lab yet" in body
    design_evidence(centre)
    page = client.get(reverse("centres:manage", args=[centre.pk])).content.decode()
    # Each step shows its evidence: the agreement, the indicator, the initiative.
    assert "Cooperation agreement: Lilongwe Centre" in page
    assert "Start-ups accompanied: baseline 10 (2023)" in page
    assert "Start-up acceleration programme" in page
    assert "Budget letter of the ministry, 2025-2027." in page
    reauthenticated(client, director)
    response = client.post(
        reverse("centres:accredit", args=[centre.pk]), {"start_date": "2025-01-01"}
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED
    page = client.get(reverse("centres:manage", args=[centre.pk])).content.decode()
    assert "Lab expert" not in page  # names, not roles, say who ticked
    assert "Lina Haddad" in page


def ministry_country_pk():
    from alliance.core.models import Country

    return Country.objects.get(code="MW").pk


def test_scope_not_allowed_for_the_type_is_shown_beside_the_form(
    client, secretariat_officer, ministry
):
    client.force_login(secretariat_officer)
    body = client.post(
        reverse("centres:create"),
        {
            "name": "Global by mistake",
            "centre_type": centre_type("INITIATIVES").pk,
            "scope": "global",
            "host_organisation": ministry.pk,
            "country": ministry_country_pk(),
        },
    ).content.decode()
    assert "cannot have this scope" in body
    assert 'value="Global by mistake"' in body
    assert not Centre.objects.filter(name="Global by mistake").exists()


def test_other_peoples_centres_answer_404(client, accredited, other_manager, stranger):
    centre, accreditation = accredited
    for user in (other_manager, stranger):
        client.force_login(user)
        for url in [
            reverse("centres:manage", args=[centre.pk]),
            reverse("centres:profile", args=[centre.pk]),
            reverse("centres:certificate", args=[accreditation.pk]),
            reverse("centres:credential", args=[accreditation.pk]),
        ]:
            assert client.get(url).status_code == 404, url


def test_manager_edits_the_public_profile_but_not_the_rest(client, accredited, manager):
    centre, _ = accredited
    client.force_login(manager)
    response = client.post(
        reverse("centres:profile", args=[centre.pk]),
        {
            "description-en": "We accelerate start-ups.",
            "description-fr": "Nous accélérons les jeunes pousses.",
            "website": "centre.example.mw",
            "contact_name": "Thoko",
            "contact_email": "centre@example.mw",
        },
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.website == "https://centre.example.mw"
    assert client.get(reverse("centres:edit", args=[centre.pk])).status_code == 403
    french = client.get(reverse("centres:detail", args=[centre.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 200


def test_manager_downloads_certificate_and_credential(client, accredited, manager):
    _centre, accreditation = accredited
    client.force_login(manager)
    pdf = client.get(reverse("centres:certificate", args=[accreditation.pk]) + "?lang=fr")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    jwt = client.get(reverse("centres:credential", args=[accreditation.pk]))
    assert jwt.content.decode() == accreditation.credential_jwt


def test_director_suspends_from_the_page_with_a_reason(client, accredited, director):
    centre, accreditation = accredited
    reauthenticated(client, director)
    url = reverse("centres:accreditation_action", args=[accreditation.pk, "suspend"])
    body = client.post(url, {"reason": ""}).content.decode()
    assert "<title>Error:" in body
    assert client.post(url, {"reason": "Report overdue"}).status_code == 302
    centre.refresh_from_db()
    assert centre.status == CentreStatus.SUSPENDED


def test_staff_list_is_paginated_with_bounded_queries(
    client, secretariat_officer, django_assert_max_num_queries
):
    for i in range(30):
        make_centre(actor=secretariat_officer, name=f"Centre {i:02d}")
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        body = client.get(reverse("centres:manage_list")).content.decode()
    assert "Page 1 of 2" in body


def test_renewal_page_walks_the_three_steps(
    client, accredited, secretariat_officer, manager, lab_expert, director
):
    _centre, accreditation = accredited
    client.force_login(secretariat_officer)
    response = client.post(reverse("centres:renewal_open", args=[accreditation.pk]))
    url = response["Location"]
    client.force_login(manager)
    client.post(url, {"step": "self_report", "self_report": "We delivered."})
    client.force_login(lab_expert)
    scores = {f"score_{c}": "3" for c in ["objectives", "flagships", "resources", "reporting"]}
    body = client.post(url, {"step": "evaluate", "note": "Good", **scores}).content.decode()
    assert "<title>Error:" in body  # one criterion missing
    client.post(url, {"step": "evaluate", "note": "Good", "score_network": "3", **scores})
    reauthenticated(client, director)
    client.post(url, {"step": "decide", "decision": "renew", "note": "Requalified"})
    accreditation.refresh_from_db()
    assert accreditation.status == "renewed"
    assert accreditation.successor.start_date == date(2027, 3, 1)


def test_dashboard_links_to_the_centres(client, manager):
    client.force_login(manager)
    body = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("centres:manage_list") in body


def test_renewal_queue_lists_accreditations_due(
    client, accredited, secretariat_officer, manager, django_assert_max_num_queries
):
    from alliance.centres import services

    centre, _ = accredited
    services.send_due_reminders(date(2026, 9, 1))
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("centres:renewal_list")).content.decode()
    assert centre.name in body and "Not opened yet" in body
    client.force_login(manager)
    assert client.get(reverse("centres:renewal_list")).status_code == 403


def test_the_centre_page_offers_what_each_person_may_do(
    client, accredited, director, secretariat_officer, manager
):
    from alliance.centres import services

    centre, accreditation = accredited
    url = reverse("centres:manage", args=[centre.pk])
    suspend = reverse("centres:accreditation_action", args=[accreditation.pk, "suspend"])
    reinstate = reverse("centres:accreditation_action", args=[accreditation.pk, "reinstate"])
    client.force_login(director)
    page = client.get(url).content.decode()
    assert suspend in page and reinstate not in page
    assert reverse("centres:renewal_open", args=[accreditation.pk]) not in page
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    page = client.get(url).content.decode()
    assert reinstate in page and suspend not in page
    with time_machine.travel(date(2027, 3, 1)):  # the term is over: nothing to reinstate
        assert reinstate not in client.get(url).content.decode()
    client.force_login(secretariat_officer)
    page = client.get(url).content.decode()
    assert reverse("centres:close", args=[centre.pk]) in page and reinstate not in page
    client.force_login(manager)
    page = client.get(url).content.decode()
    assert reverse("centres:edit", args=[centre.pk]) not in page
    assert reverse("centres:profile", args=[centre.pk]) in page
    assert reverse("centres:move_request", args=[centre.pk]) not in page  # suspended
