from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.accounts.tests.reauth import reauthenticated
from alliance.board import drafts
from alliance.board.models import Nomination
from alliance.core.models import AuditEvent

from .factories import NominationFactory

pytestmark = pytest.mark.django_db


def _answers(ministry, **changes):
    return {
        "organisation": ministry.pk,
        "nominee_name": "Chimwemwe Phiri",
        "nominee_title": "Minister",
        "nominee_email": "minister@ministry.test",
        "biography": "Minister since 2023.",
        "cv": SimpleUploadedFile("phiri-cv.pdf", b"%PDF-1.4 CV"),
        "proposed_term_start": "2027-01-01",
        "proposed_term_end": "2029-12-31",
        **changes,
    }


def test_the_form_leads_to_check_your_answers_and_creates_nothing(
    client, ministry, ministry_signatory
):
    client.force_login(ministry_signatory)
    response = client.post(reverse("board:nomination_create"), _answers(ministry))
    assert response["Location"] == reverse("board:nomination_check")
    page = client.get(response["Location"]).content.decode()
    assert "Check your answers before submitting the nomination" in page
    for answer in [
        "Chimwemwe Phiri",
        "minister@ministry.test",
        "Minister since 2023.",
        "phiri-cv.pdf",
        str(ministry),
    ]:
        assert answer in page
    assert f'href="{reverse("board:nomination_create")}#id_biography"' in page
    assert Nomination.objects.count() == 0


def test_submitting_from_the_check_page_creates_one_nomination(
    client, ministry, ministry_signatory
):
    client.force_login(ministry_signatory)
    client.post(reverse("board:nomination_create"), _answers(ministry))
    response = client.post(reverse("board:nomination_check"))
    nomination = Nomination.objects.get()
    assert response["Location"] == reverse("board:nomination_submitted", args=[nomination.pk])
    assert nomination.organisation == ministry
    assert nomination.status == "submitted"
    assert nomination.cv.read() == b"%PDF-1.4 CV"
    # Stored under a random name; the signatory's file name is what it is downloaded as.
    assert "phiri" not in nomination.cv.name and nomination.cv.name.endswith(".pdf")
    assert nomination.cv_name == "phiri-cv.pdf"
    assert AuditEvent.objects.filter(verb="nomination.submitted").count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Nomination submitted" in page
    assert "What happens next" in page
    # The draft is gone: submitting again cannot create a second nomination.
    again = client.post(reverse("board:nomination_check"))
    assert again["Location"] == reverse("board:nomination_create")
    assert Nomination.objects.count() == 1


def test_changing_an_answer_keeps_the_others_and_the_cv(client, ministry, ministry_signatory):
    client.force_login(ministry_signatory)
    client.post(reverse("board:nomination_create"), _answers(ministry))
    form_page = client.get(reverse("board:nomination_create")).content.decode()
    assert 'value="Chimwemwe Phiri"' in form_page
    assert "Minister since 2023." in form_page
    assert "You uploaded phiri-cv.pdf" in form_page
    changed = _answers(ministry, nominee_title="Minister of Information and Digitalisation")
    del changed["cv"]  # no new file: the uploaded CV is kept
    response = client.post(reverse("board:nomination_create"), changed)
    assert response["Location"] == reverse("board:nomination_check")
    page = client.get(reverse("board:nomination_check")).content.decode()
    assert "Minister of Information and Digitalisation" in page
    assert "phiri-cv.pdf" in page
    client.post(reverse("board:nomination_check"))
    nomination = Nomination.objects.get()
    assert nomination.nominee_title == "Minister of Information and Digitalisation"
    assert nomination.biography == "Minister since 2023."
    assert nomination.cv.read() == b"%PDF-1.4 CV"


def test_a_refusal_is_shown_on_the_check_page(client, ministry, ministry_signatory):
    NominationFactory(nominee_email="minister@ministry.test")
    client.force_login(ministry_signatory)
    client.post(reverse("board:nomination_create"), _answers(ministry))
    response = client.post(reverse("board:nomination_check"))
    body = response.content.decode()
    assert "<title>Error:" in body
    assert "A nomination of this person is already being considered." in body
    assert Nomination.objects.count() == 1
    assert AuditEvent.objects.filter(verb="nomination.submitted").count() == 0


def test_check_page_without_a_draft_goes_to_the_form(client, ministry_signatory):
    client.force_login(ministry_signatory)
    response = client.get(reverse("board:nomination_check"))
    assert response["Location"] == reverse("board:nomination_create")


def test_first_visit_needs_a_cv(client, ministry, ministry_signatory):
    client.force_login(ministry_signatory)
    answers = _answers(ministry)
    del answers["cv"]
    response = client.post(reverse("board:nomination_create"), answers)
    assert response.status_code == 200
    assert "<title>Error:" in response.content.decode()


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
    reauthenticated(client, director)
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
    reauthenticated(client, director)
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


def test_abandoned_draft_cvs_are_deleted_after_two_days(
    client, settings, tmp_path, ministry, ministry_signatory
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(ministry_signatory)
    client.post(reverse("board:nomination_create"), _answers(ministry))
    path = client.session[drafts.SESSION_KEY]["cv_path"]
    assert drafts.purge_stale_cvs() == 0
    assert default_storage.exists(path)
    # Three days after the file was written (the file system keeps the real clock).
    written = default_storage.get_modified_time(path)
    with time_machine.travel(written + timedelta(days=3)):
        assert drafts.purge_stale_cvs() == 1
    assert not default_storage.exists(path)
