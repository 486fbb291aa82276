from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.board.models import Nomination

from .factories import NominationFactory

pytestmark = pytest.mark.django_db


def test_signatory_nominates_through_the_form(client, ministry, ministry_signatory):
    client.force_login(ministry_signatory)
    response = client.post(
        reverse("board:nomination_create"),
        {
            "organisation": ministry.pk,
            "nominee_name": "Chimwemwe Phiri",
            "nominee_title": "Minister",
            "nominee_email": "minister@ministry.test",
            "biography": "Bio",
            "cv": SimpleUploadedFile("cv.pdf", b"%PDF"),
            "proposed_term_start": "2027-01-01",
            "proposed_term_end": "2029-12-31",
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "What happens next" in page
    assert nomination.organisation == ministry


def test_bad_term_keeps_what_was_typed(client, ministry, ministry_signatory):
    client.force_login(ministry_signatory)
    response = client.post(
        reverse("board:nomination_create"),
        {
            "organisation": ministry.pk,
            "nominee_name": "Chimwemwe Phiri",
            "nominee_title": "Minister",
            "nominee_email": "minister@ministry.test",
            "biography": "Bio",
            "cv": SimpleUploadedFile("cv.pdf", b"%PDF"),
            "proposed_term_start": "2027-01-01",
            "proposed_term_end": "2026-12-31",
        },
    )
    body = response.content.decode()
    assert "<title>Error:" in body
    assert "The term cannot end before it starts." in body
    assert 'value="Chimwemwe Phiri"' in body
    assert Nomination.objects.count() == 0


def test_people_who_may_not_nominate_get_404(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get(reverse("board:nomination_create")).status_code == 404


def test_other_people_nominations_are_404(client, stranger):
    nomination = NominationFactory()
    client.force_login(stranger)
    assert client.get(reverse("board:nomination_detail", args=[nomination.pk])).status_code == 404
    assert client.get(reverse("board:nomination_cv", args=[nomination.pk])).status_code == 404


def test_director_approves_through_the_pages(client, secretariat_officer, director):
    nomination = NominationFactory()
    client.force_login(secretariat_officer)
    client.post(reverse("board:nomination_review", args=[nomination.pk]))
    client.post(
        reverse("board:nomination_eligibility", args=[nomination.pk]),
        {"eligible": "yes", "note": "Member State administration, ITU member."},
    )
    client.force_login(director)
    response = client.post(
        reverse("board:nomination_approve", args=[nomination.pk]),
        {"term_start": "2027-01-01", "term_end": "2029-12-31"},
        follow=True,
    )
    assert "is seated on the Board" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.member.term_start == date(2027, 1, 1)


def test_refusal_is_shown_on_the_form(client, director):
    nomination = NominationFactory()  # still "submitted": not reviewed yet
    client.force_login(director)
    response = client.post(
        reverse("board:nomination_approve", args=[nomination.pk]),
        {"term_start": "2027-01-01", "term_end": "2029-12-31"},
    )
    assert "This cannot be done while the status is" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "submitted"


def test_queue_query_count(client, secretariat_officer, django_assert_max_num_queries):
    NominationFactory.create_batch(30)
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("board:nomination_queue"))
    assert response.status_code == 200
