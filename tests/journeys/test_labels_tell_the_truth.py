"""Issue 15, "labels that mislead" and "small breakages" not covered elsewhere: each test
reads what a person would read."""

import datetime
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from alliance.accounts.tests.factories import PASSWORD
from alliance.calls.forms.staff import AssignForm
from alliance.calls.models import ReviewAssignment
from alliance.calls.states import AssignmentStatus, CallStatus
from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.calls.tests.test_review_services import make_reviewer
from alliance.core.formatting import ldate

pytestmark = pytest.mark.django_db


def test_publishing_a_call_that_opens_next_year_says_when_it_opens(client, secretariat_officer):
    opens = timezone.now() + timedelta(days=400)
    call = CallFactory(
        status=CallStatus.DRAFT, opens_at=opens, closes_at=opens + timedelta(days=60)
    )
    client.force_login(secretariat_officer)
    response = client.post(
        reverse("calls:staff_transition", args=[call.pk, "publish"]), follow=True
    )
    body = response.content.decode()
    assert "It opens to applications on" in body
    assert "published and open" not in body


def test_the_screening_form_waits_for_the_call_to_close(client, secretariat_officer, ministry):
    call = CallFactory()  # open for twenty more days
    application = ApplicationFactory(call=call, organisation=ministry, status="submitted")
    client.force_login(secretariat_officer)
    url = reverse("calls:staff_application", args=[application.pk])
    assert "Record the screening" not in client.get(url).content.decode()
    call.status = CallStatus.CLOSED
    call.closes_at = timezone.now() - timedelta(days=1)
    call.save(update_fields=["status", "closes_at"])
    assert "Record the screening" in client.get(url).content.decode()


def test_the_reviewer_list_leaves_out_who_is_assigned_or_recused(ministry):
    application = ApplicationFactory(organisation=ministry, status="in_review")
    assigned, recused, free = (make_reviewer(f"r{i}@itu.test") for i in range(3))
    for reviewer, status in ((assigned, AssignmentStatus.ASSIGNED), (recused, "recused")):
        ReviewAssignment.objects.create(
            application=application, reviewer=reviewer, status=status, due_at=timezone.now()
        )
    offered = set(AssignForm(application=application).fields["reviewer"].queryset)
    assert free in offered
    assert assigned not in offered and recused not in offered


def test_the_tokens_page_shows_the_whole_header(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    body = client.get(reverse("accounts:api_tokens")).content.decode()
    assert "Authorization: Bearer &lt;token&gt;" in body


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1 décembre 2026"), ("es", "1 de diciembre de 2026"), ("en", "December 1, 2026")],
)
def test_dates_read_in_full(language, expected):
    with translation.override(language):
        assert ldate(datetime.date(2026, 12, 1)) == expected


def test_a_wrong_password_refuses_the_countersignature_and_says_why(
    client, ministry, secretariat_officer, ministry_signatory, director
):
    from alliance.centres.models import CentreType
    from alliance.joining import services
    from alliance.joining.tests.factories import AssessmentFactory

    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    declaration = services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )
    services.declaration_sign(
        declaration_id=declaration.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    client.force_login(director)
    url = reverse("joining:declaration_countersign", args=[declaration.pk])
    body = client.post(url, {"password": "not-" + PASSWORD}).content.decode()
    assert "<title>Error:" in body and "The password is not correct." in body
    declaration.refresh_from_db()
    assert declaration.status == "signed_by_organisation"
