"""Board files go through the upload policy on every path, not only the pages' forms."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory

from alliance.board import services
from alliance.board.models import MeetingDocument, Nomination
from alliance.core.states import TransitionRefused

from .factories import MeetingFactory, NominationFactory

pytestmark = pytest.mark.django_db


def test_a_paper_added_through_the_service_is_checked(secretariat_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory()
    with pytest.raises(TransitionRefused) as refused:
        services.document_add(
            meeting_id=meeting.pk,
            actor=secretariat_officer,
            title="Budget",
            file=ContentFile(b"PK\x03\x04", name="budget.zip"),
        )
    assert refused.value.reason == "This type of file is not accepted."
    assert not MeetingDocument.objects.exists()


def test_a_cv_sent_to_the_service_is_checked(ministry, ministry_signatory):
    with pytest.raises(TransitionRefused) as refused:
        services.nomination_submit(
            actor=ministry_signatory,
            organisation=ministry,
            nominee_name="Chimwemwe Phiri",
            nominee_title="Minister",
            nominee_email="minister@ministry.test",
            biography="Minister since 2023.",
            cv=ContentFile(b"x" * (5 * 1024 * 1024 + 1), name="cv.pdf"),
            proposed_term_start=date(2027, 1, 1),
            proposed_term_end=date(2029, 12, 31),
        )
    assert refused.value.reason == "The CV must be 5 MB or smaller."
    assert not Nomination.objects.exists()


def test_model_forms_get_the_policy_from_the_field():
    form_class = modelform_factory(MeetingDocument, fields=["file"])
    form = form_class(files={"file": SimpleUploadedFile("run.exe", b"MZ")})
    assert form.errors["file"] == ["This type of file is not accepted."]


def test_a_stored_file_is_not_checked_again_when_the_record_is_edited(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The demo's CV is a text file, stored before the policy applied to it.
    nomination = NominationFactory(cv=ContentFile(b"CV", name="cv.txt"))
    form_class = modelform_factory(Nomination, fields=["cv", "nominee_title"])
    form = form_class({"nominee_title": "Minister"}, instance=nomination)
    assert form.is_valid(), form.errors
