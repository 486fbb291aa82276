from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.accounts.tests.factories import verify_membership
from alliance.calls import services
from alliance.calls.models import Application, WhoMayApply
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.centres.models import CentreType
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import ApplicationFactory, CallFactory, QuestionFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime(2027, 3, 15, 16, 0, tzinfo=UTC)  # 17:00 in Geneva


@pytest.fixture
def call():
    return CallFactory(opens_at=DEADLINE - timedelta(days=60), closes_at=DEADLINE)


def _complete(call, organisation):
    return ApplicationFactory(call=call, organisation=organisation)


def test_start_save_and_submit(
    call, ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    with time_machine.travel(DEADLINE - timedelta(days=5)):
        application = services.application_start(
            call_id=call.pk, organisation=ministry, actor=ministry_focal_point
        )
        services.application_save(
            application_id=application.pk,
            actor=ministry_focal_point,
            proposed_centre_type=call.centre_types.first(),
            proposed_scope="regional",
            host_institution="MICT",
            flagship_initiatives="Sandbox",
            human_resources_plan="Staff",
            financial_resources_plan="Budget",
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.revisions.count() == 1
    assert AuditEvent.objects.filter(verb="application.submitted").count() == 1
    assert mail.outbox and "focal@ministry.test" in mail.outbox[0].to


def test_incomplete_application_is_refused_with_the_missing_items(
    call, ministry, ministry_focal_point
):
    QuestionFactory(call=call, label={"en": "Describe your ecosystem"})
    application = ApplicationFactory(call=call, organisation=ministry, host_institution="")
    with (
        time_machine.travel(DEADLINE - timedelta(days=5)),
        pytest.raises(TransitionRefused) as refused,
    ):
        services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    assert refused.value.code == "incomplete"
    assert "host institution" in refused.value.reason
    assert "Describe your ecosystem" in refused.value.reason
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-timedelta(seconds=1), True), (timedelta(seconds=0), False), (timedelta(seconds=1), False)],
)
def test_deadline_edges(call, ministry, ministry_focal_point, offset, accepted):
    application = _complete(call, ministry)
    with time_machine.travel(DEADLINE + offset, tick=False):
        if accepted:
            services.application_submit(application_id=application.pk, actor=ministry_focal_point)
        else:
            with pytest.raises(TransitionRefused) as refused:
                services.application_submit(
                    application_id=application.pk, actor=ministry_focal_point
                )
            assert refused.value.code == "deadline_passed"
            # The deadline is shown in Geneva time and UTC.
            assert "17:00 Geneva time" in refused.value.reason
            assert "16:00 UTC" in refused.value.reason
    application.refresh_from_db()
    assert (application.status == ApplicationStatus.SUBMITTED) is accepted


def test_deadline_holds_even_if_the_call_was_not_closed_yet(call, ministry, ministry_focal_point):
    """No cron ran: the call is still 'open' in the database, the submit checks the clock."""
    application = _complete(call, ministry)
    with time_machine.travel(DEADLINE + timedelta(hours=3)):
        assert call.status == CallStatus.OPEN
        with pytest.raises(TransitionRefused):
            services.application_submit(application_id=application.pk, actor=ministry_focal_point)
        with pytest.raises(TransitionRefused):
            services.application_save(
                application_id=application.pk, actor=ministry_focal_point, host_institution="x"
            )
    assert Application.objects.get(pk=application.pk).host_institution == "Host institute"


def test_a_plain_member_cannot_submit(call, ministry, stranger):
    from alliance.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=stranger, organisation=ministry, role="member")
    application = _complete(call, ministry)
    with (
        time_machine.travel(DEADLINE - timedelta(days=1)),
        pytest.raises(TransitionRefused) as refused,
    ):
        services.application_submit(application_id=application.pk, actor=stranger)
    assert refused.value.code == "forbidden"


def test_one_application_per_organisation(ministry, ministry_focal_point):
    call = CallFactory()
    services.application_start(call_id=call.pk, organisation=ministry, actor=ministry_focal_point)
    with pytest.raises(TransitionRefused) as refused:
        services.application_start(
            call_id=call.pk, organisation=ministry, actor=ministry_focal_point
        )
    assert refused.value.code == "already_applied"


def test_itu_members_only(university_focal_point, university):
    # The university declares itself an Academia member; the secretariat has not checked.
    call = CallFactory(who_may_apply=WhoMayApply.ITU_MEMBERS)
    with pytest.raises(TransitionRefused) as refused:
        services.application_start(
            call_id=call.pk, organisation=university, actor=university_focal_point
        )
    assert "membership the secretariat has verified" in refused.value.reason
    assert "is not verified" in refused.value.reason
    assert not Application.objects.exists()


def test_itu_members_only_accepts_a_verified_member(university_focal_point, university):
    verify_membership(university, category="academia")
    call = CallFactory(who_may_apply=WhoMayApply.ITU_MEMBERS)
    application = services.application_start(
        call_id=call.pk, organisation=university, actor=university_focal_point
    )
    assert application.organisation == university


def test_joint_declaration_rule_follows_the_declarations(
    ministry, ministry_focal_point, secretariat_officer
):
    from alliance.joining.models import DeclarationStatus, JointDeclaration
    from alliance.joining.tests.factories import AssessmentFactory

    call = CallFactory(who_may_apply=WhoMayApply.JOINT_DECLARATION)
    with pytest.raises(TransitionRefused) as refused:
        services.application_start(
            call_id=call.pk, organisation=ministry, actor=ministry_focal_point
        )
    assert "joint declaration" in refused.value.reason
    assert not Application.objects.exists()

    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    JointDeclaration.objects.create(
        organisation=ministry,
        assessment=assessment,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
        status=DeclarationStatus.IN_FORCE,
        drafted_by=secretariat_officer,
    )
    application = services.application_start(
        call_id=call.pk, organisation=ministry, actor=ministry_focal_point
    )
    assert application.organisation == ministry


def test_withdraw_then_nothing_else(call, ministry, ministry_focal_point):
    application = _complete(call, ministry)
    services.application_withdraw(application_id=application.pk, actor=ministry_focal_point)
    with pytest.raises(TransitionRefused):
        services.application_withdraw(application_id=application.pk, actor=ministry_focal_point)
    with pytest.raises(TransitionRefused):
        services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN


def test_screening_ineligible_needs_a_reason(secretariat_officer, ministry):
    call = CallFactory(status=CallStatus.CLOSED)
    application = ApplicationFactory(call=call, organisation=ministry, status="submitted")
    with pytest.raises(TransitionRefused) as refused:
        services.application_screen(
            application_id=application.pk, actor=secretariat_officer, eligible=False
        )
    assert refused.value.code == "reason"
    services.application_screen(
        application_id=application.pk,
        actor=secretariat_officer,
        eligible=False,
        reason="Not an ITU member",
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INELIGIBLE
    assert application.screening_reason == "Not an ITU member"


def test_screening_refused_while_the_call_is_open(secretariat_officer, ministry):
    application = ApplicationFactory(organisation=ministry, status="submitted")
    with pytest.raises(TransitionRefused):
        services.application_screen(
            application_id=application.pk, actor=secretariat_officer, eligible=True
        )
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED


def test_more_information_then_revision_kept(secretariat_officer, ministry, ministry_focal_point):
    call = CallFactory(status=CallStatus.CLOSED, closes_at=timezone.now() - timedelta(days=1))
    application = ApplicationFactory(call=call, organisation=ministry, status="submitted")
    services.application_request_info(
        application_id=application.pk,
        actor=secretariat_officer,
        message="Give the budget per year.",
        due_at=timezone.now() + timedelta(days=7),
    )
    services.application_save(
        application_id=application.pk,
        actor=ministry_focal_point,
        financial_resources_plan="Per year: 1, 2, 3",
    )
    services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    revision = application.revisions.get()
    assert revision.snapshot["financial_resources_plan"] == "Per year: 1, 2, 3"
    assert AuditEvent.objects.filter(verb="application.resubmitted").exists()


def test_reply_to_more_information_after_its_due_date_is_refused(
    secretariat_officer, ministry, ministry_focal_point
):
    call = CallFactory(status=CallStatus.CLOSED, closes_at=timezone.now() - timedelta(days=1))
    application = ApplicationFactory(call=call, organisation=ministry, status="submitted")
    services.application_request_info(
        application_id=application.pk,
        actor=secretariat_officer,
        message="More",
        due_at=timezone.now() + timedelta(days=1),
    )
    with time_machine.travel(timezone.now() + timedelta(days=2)), pytest.raises(TransitionRefused):
        services.application_submit(application_id=application.pk, actor=ministry_focal_point)


def test_documents_are_checked(call, ministry, ministry_focal_point):
    application = _complete(call, ministry)
    exe = SimpleUploadedFile("plan.exe", b"MZ...", content_type="application/octet-stream")
    with pytest.raises(TransitionRefused) as refused:
        services.document_add(
            application_id=application.pk, actor=ministry_focal_point, title="Plan", file=exe
        )
    assert "PDF" in refused.value.reason
    fake = SimpleUploadedFile("plan.pdf", b"not a pdf", content_type="application/pdf")
    with pytest.raises(TransitionRefused):
        services.document_add(
            application_id=application.pk, actor=ministry_focal_point, title="Plan", file=fake
        )
    big = SimpleUploadedFile(
        "plan.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    with pytest.raises(TransitionRefused) as refused:
        services.document_add(
            application_id=application.pk, actor=ministry_focal_point, title="Plan", file=big
        )
    assert "10 MB" in refused.value.reason
    assert not application.documents.exists()
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 hello", content_type="application/pdf")
    services.document_add(
        application_id=application.pk, actor=ministry_focal_point, title="Plan", file=good
    )
    assert application.documents.count() == 1
