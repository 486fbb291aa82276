"""The organisers' side: drafting and publishing, cancelling, attendance after the event,
materials linked to the lessons library, and the exports (alliance/events/services/events.py)."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from alliance.accounts.tests.factories import UserFactory
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.events import services
from alliance.events.models import Registration

from .factories import EventFactory, QuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now


def _fields(**extra):
    start = NOW().replace(microsecond=0) + timedelta(days=20)
    return {
        "title": {"en": "Community event", "fr": "Événement communautaire"},
        "description": {"en": "The Alliance meets.", "fr": "L'Alliance se réunit."},
        "kind": "community",
        "format": "hybrid",
        "place": "ITU, Geneva",
        "online_url": "https://meet.example.test/x",
        "starts_at": start,
        "ends_at": start + timedelta(hours=3),
        "time_zone": "Europe/Zurich",
        "capacity": 50,
        "languages": ",en,fr,",
        "members_only": False,
        **extra,
    }


def test_the_secretariat_drafts_then_publishes_an_event_with_questions(secretariat_officer):
    questions = [{"text": {"en": "Your sector"}, "required": True}]
    event = services.event_create(actor=secretariat_officer, questions=questions, **_fields())
    assert event.status == "draft" and event.questions.count() == 1
    services.event_publish(event_id=event.pk, actor=secretariat_officer)
    event.refresh_from_db()
    assert event.status == "published" and event.published_at is not None


def test_the_lab_may_run_events_and_a_stranger_may_not(lab_expert, stranger):
    assert services.event_create(actor=lab_expert, **_fields()).pk
    with pytest.raises(PermissionRefused):
        services.event_create(actor=stranger, **_fields())


def test_an_event_must_end_after_it_starts(secretariat_officer):
    fields = _fields()
    fields["ends_at"] = fields["starts_at"]
    with pytest.raises(TransitionRefused):
        services.event_create(actor=secretariat_officer, **fields)


def test_cancelling_an_event_tells_everyone_registered_or_waiting(
    secretariat_officer, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event_id=event.pk, actor=secretariat_officer)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([seated.user.email, waiting.user.email])
    ics = mailoutbox[0].attachments[0][1]
    assert b"METHOD:CANCEL" in (ics if isinstance(ics, bytes) else ics.encode())


def _ended(**extra):
    return EventFactory(
        starts_at=NOW() - timedelta(days=1, hours=3), ends_at=NOW() - timedelta(days=1), **extra
    )


def test_attendance_waits_for_the_end_of_the_event(secretariat_officer):
    event = EventFactory()
    with pytest.raises(TransitionRefused) as refused:
        services.attendance_record(event_id=event.pk, actor=secretariat_officer, attended=set())
    assert refused.value.code == "not_ended"


def test_attendance_marks_present_and_absent_people(secretariat_officer):
    event = _ended()
    present, absent = RegistrationFactory(event=event), RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    changed = services.attendance_record(
        event_id=event.pk, actor=secretariat_officer, attended={present.pk}
    )
    assert changed == 2
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {present.pk: "attended", absent.pk: "no_show", waiting.pk: "waitlisted"}
    services.attendance_mark(registration_id=absent.pk, actor=secretariat_officer, attended=True)
    absent.refresh_from_db()
    assert absent.status == "attended"


def test_materials_are_links_or_files_and_link_only_published_lessons(secretariat_officer):
    from alliance.monitoring.models import LessonLearned

    event = _ended()
    lesson = LessonLearned.objects.filter(status="published").first()
    if lesson is None:
        from alliance.core.models import StrategicObjective

        lesson = LessonLearned.objects.create(
            title="Sandboxes need a sunset clause",
            summary="s",
            body="b",
            objective=StrategicObjective.objects.first(),
            status="published",
        )
    recording = services.material_add(
        event_id=event.pk,
        actor=secretariat_officer,
        kind="recording",
        title={"en": "Recording"},
        url="https://video.example.test/1",
        lesson=lesson,
    )
    assert recording.lesson == lesson and lesson.event_materials.get() == recording
    slides = services.material_add(
        event_id=event.pk,
        actor=secretariat_officer,
        kind="slides",
        title={"en": "Slides"},
        file=SimpleUploadedFile("slides.pdf", b"%PDF-1.4 slides", "application/pdf"),
    )
    assert slides.original_name == "slides.pdf"
    assert not slides.file.name.endswith("slides.pdf")  # stored under a random name
    with pytest.raises(TransitionRefused):
        services.material_add(
            event_id=event.pk, actor=secretariat_officer, kind="link", title={"en": "Nothing"}
        )


def test_exports_neutralise_formulas_typed_by_registrants(client, secretariat_officer):
    question = QuestionFactory()
    person = UserFactory(full_name='=HYPERLINK("http://evil.test","x")')
    RegistrationFactory(
        event=question.event, user=person, answers={str(question.pk): "+cmd|' /C calc'!A0"}
    )
    client.force_login(secretariat_officer)
    csv = client.get(f"/en/events/staff/{question.event.pk}/registrations.csv")
    text = csv.content.decode("utf-8-sig")
    assert "Your organisation's sector" in text.splitlines()[0]
    assert "'=HYPERLINK" in text and "'+cmd" in text
    xlsx = client.get(f"/en/events/staff/{question.event.pk}/registrations.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    name_cell, answer_cell = sheet.cell(row=2, column=1), sheet.cell(row=2, column=6)
    assert name_cell.value.startswith("=HYPERLINK") and name_cell.data_type == "s"
    assert answer_cell.data_type == "s" and answer_cell.quotePrefix
    assert client.get(f"/en/events/staff/{question.event.pk}/registrations.pdf").status_code == 404


def test_exports_are_for_organisers_only(client, stranger):
    event = EventFactory()
    client.force_login(stranger)
    assert client.get(f"/en/events/staff/{event.pk}/registrations.csv").status_code == 403


def test_correcting_a_question_keeps_the_answers_given_to_it(secretariat_officer):
    question = QuestionFactory()
    registration = RegistrationFactory(event=question.event, answers={str(question.pk): "Health"})
    services.event_update(
        event_id=question.event.pk,
        actor=secretariat_officer,
        questions=[{"text": {"en": "Your organisation's main sector"}, "required": True}],
    )
    [kept] = question.event.questions.all()
    assert kept.pk == question.pk and kept.text["en"] == "Your organisation's main sector"
    assert registration.answers[str(kept.pk)] == "Health"
