import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.calls.models import ReviewAssignment, Score
from alliance.calls.states import ApplicationStatus, AssignmentStatus, CallStatus

from .factories import ApplicationFactory, CallFactory
from .test_review_services import make_reviewer

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


def test_public_list_shows_open_upcoming_and_past_with_fixed_queries(
    client, django_assert_max_num_queries
):
    for _ in range(30):
        CallFactory()
    CallFactory(
        title={"en": "Future call"},
        opens_at=timezone.now() + timedelta(days=3),
        closes_at=timezone.now() + timedelta(days=40),
    )
    CallFactory(
        title={"en": "Old call"},
        status=CallStatus.RESULTS_PUBLISHED,
        closes_at=timezone.now() - timedelta(days=400),
    )
    CallFactory(title={"en": "Secret draft"}, status=CallStatus.DRAFT)
    with django_assert_max_num_queries(8):
        body = text(client.get(reverse("calls:list")))
    assert "Closes in 19 days" in body or "Closes in 20 days" in body
    assert "Secret draft" not in body
    assert "Future call" in text(client.get(reverse("calls:list") + "?show=upcoming"))
    assert "Old call" in text(client.get(reverse("calls:list") + "?show=past"))


def test_draft_call_is_not_public(client):
    call = CallFactory(status=CallStatus.DRAFT)
    assert client.get(reverse("calls:detail", args=[call.pk])).status_code == 404


def test_call_page_shows_criteria_weights_deadline_in_geneva_and_utc(client):
    call = CallFactory(closes_at=timezone.now().replace(microsecond=0) + timedelta(days=5))
    body = text(client.get(reverse("calls:detail", args=[call.pk])))
    assert "Relevance" in body and "40%" in body
    assert "Geneva time" in body and "UTC" in body
    assert "Closes in" in body


def test_call_page_in_french(client):
    call = CallFactory()
    body = text(client.get(f"/fr/calls/{call.pk}/"))
    assert call.title["fr"] in body


def _reviewed_call(n_apps, n_reviewers=3):
    call = CallFactory(status=CallStatus.IN_REVIEW, closes_at=timezone.now() - timedelta(days=5))
    reviewers = [make_reviewer(f"rev{i}@itu.test") for i in range(n_reviewers)]
    criteria = list(call.criteria.all())
    for i in range(n_apps):
        app = ApplicationFactory(
            call=call, status=ApplicationStatus.IN_REVIEW, organisation=OrganisationFactory()
        )
        for j, r in enumerate(reviewers):
            a = ReviewAssignment.objects.create(
                application=app,
                reviewer=r,
                status=AssignmentStatus.SUBMITTED,
                due_at=timezone.now(),
                submitted_at=timezone.now(),
            )
            Score.objects.bulk_create(
                [
                    Score(assignment=a, criterion=c, value=(i + j + k) % 6)
                    for k, c in enumerate(criteria)
                ]
            )
    return call, reviewers


def test_ranking_page_queries_do_not_grow(
    client, secretariat_officer, django_assert_max_num_queries
):
    call, _ = _reviewed_call(60)
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("calls:staff_ranking", args=[call.pk]))
    assert response.status_code == 200
    assert "How the scores are computed" in text(response)


def test_reviewer_queue_queries_do_not_grow(client, django_assert_max_num_queries):
    call, reviewers = _reviewed_call(40, 1)
    client.force_login(reviewers[0])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("calls:review_queue"))
    assert response.status_code == 200


def test_staff_applications_list_queries(
    client, secretariat_officer, django_assert_max_num_queries
):
    call, _ = _reviewed_call(40, 2)
    first = call.applications.order_by("organisation__name", "id").first()
    first.assignments.filter(pk=first.assignments.first().pk).update(
        status=AssignmentStatus.ACCEPTED
    )
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("calls:staff_applications", args=[call.pk]))
    assert response.status_code == 200
    rows = text(response).split("<tbody>", 1)[1].split("</tr>")
    # Assigned (in progress or submitted) out of the target, then reviews submitted.
    assert rows[0].endswith(f"<td>2 / {call.target_reviews}</td><td>1</td>")
    assert rows[1].endswith(f"<td>2 / {call.target_reviews}</td><td>2</td>")


def test_results_page_shows_figures_but_never_individual_scores(client, director):
    call, reviewers = _reviewed_call(3, 2)
    chosen = call.applications.first()
    chosen.status = ApplicationStatus.SELECTED
    chosen.save()
    call.applications.exclude(pk=chosen.pk).update(status=ApplicationStatus.NOT_SELECTED)
    call.status = CallStatus.RESULTS_PUBLISHED
    call.save()
    body = text(client.get(reverse("calls:results", args=[call.pk])))
    assert chosen.organisation.name in body
    assert "Applications received" in body and "Criteria used" in body
    for r in reviewers:
        assert r.email not in body and r.full_name not in body


def test_results_page_queries_do_not_grow(client, django_assert_max_num_queries):
    """Forty applications, half of them selected, two reviews each: a fixed number of
    queries (the scores come in one query, the selected organisations in another)."""
    call, _ = _reviewed_call(40, 2)
    selected = list(call.applications.values_list("pk", flat=True)[:20])
    call.applications.filter(pk__in=selected).update(status=ApplicationStatus.SELECTED)
    call.applications.exclude(pk__in=selected).update(status=ApplicationStatus.NOT_SELECTED)
    call.status = CallStatus.RESULTS_PUBLISHED
    call.save()
    with django_assert_max_num_queries(12):
        response = client.get(reverse("calls:results", args=[call.pk]))
    assert response.status_code == 200
    assert text(response).count("<tr>") == 21  # the header and the twenty selected


def test_staff_call_list_counts_submitted_applications_with_fixed_queries(
    client, secretariat_officer, django_assert_max_num_queries
):
    for _ in range(25):
        ApplicationFactory(call=CallFactory(), status=ApplicationStatus.SUBMITTED)
    counted = CallFactory(title={"en": "Counted call"})  # the newest, on the first page
    for status in (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW):
        ApplicationFactory(call=counted, status=status)
    ApplicationFactory(call=counted, status=ApplicationStatus.DRAFT)  # not submitted
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        body = text(client.get(reverse("calls:staff_list")))
    row = body.split("Counted call", 1)[1].split("</tr>", 1)[0]
    assert row.rstrip().endswith("<td>2</td>")


def test_results_not_public_before_publication(client):
    call = CallFactory(status=CallStatus.DECIDED)
    assert client.get(reverse("calls:results", args=[call.pk])).status_code == 404


def test_applicant_journey_with_the_task_list(client, ministry, ministry_focal_point):
    call = CallFactory()
    client.force_login(ministry_focal_point)
    response = client.post(reverse("calls:apply", args=[call.pk]), {"organisation": ministry.pk})
    application = ministry.applications.get()
    assert response.url == reverse("calls:application_detail", args=[application.pk])
    body = text(client.get(response.url))
    assert "Not started" in body
    # An invalid value is refused but the rest is saved.
    section = reverse("calls:application_section", args=[application.pk, "centre"])
    response = client.post(
        section,
        {
            "proposed_centre_type": "999999",
            "proposed_scope": "regional",
            "host_institution": "MICT",
        },
    )
    assert response.status_code == 200
    assert "Error:" in text(response)
    application.refresh_from_db()
    assert application.host_institution == "MICT"
    centre_type = call.centre_types.first()
    client.post(
        section,
        {
            "proposed_centre_type": centre_type.pk,
            "proposed_scope": "regional",
            "host_institution": "MICT",
        },
    )
    client.post(
        reverse("calls:application_section", args=[application.pk, "initiatives"]),
        {"flagship_initiatives": "Sandbox"},
    )
    client.post(
        reverse("calls:application_section", args=[application.pk, "resources"]),
        {"human_resources_plan": "Staff", "financial_resources_plan": "Budget"},
    )
    check = reverse("calls:application_check", args=[application.pk])
    assert "Check your answers" in text(client.get(check))
    response = client.post(check)
    assert response.url == reverse("calls:application_submitted", args=[application.pk])
    assert "What happens next" in text(client.get(response.url))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_other_organisations_application_is_404(client, ministry, university_focal_point):
    application = ApplicationFactory(organisation=ministry)
    client.force_login(university_focal_point)
    for name in (
        "calls:application_detail",
        "calls:application_check",
        "calls:application_withdraw",
    ):
        assert client.get(reverse(name, args=[application.pk])).status_code == 404
    assert client.get(reverse("calls:staff_application", args=[application.pk])).status_code in (
        403,
        404,
    )


def test_applicant_sees_ineligibility_reason(client, ministry, ministry_focal_point):
    application = ApplicationFactory(
        organisation=ministry,
        status=ApplicationStatus.INELIGIBLE,
        screening_reason="Outside the eligible regions",
    )
    client.force_login(ministry_focal_point)
    assert "Outside the eligible regions" in text(
        client.get(reverse("calls:application_detail", args=[application.pk]))
    )


def test_criteria_formset_refuses_a_wrong_total(client, secretariat_officer):
    call = CallFactory(status=CallStatus.DRAFT, criteria=False)
    client.force_login(secretariat_officer)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-title-en": "Relevance",
        "form-0-weight": "50",
        "form-1-title-en": "Capacity",
        "form-1-weight": "30",
    }
    response = client.post(reverse("calls:staff_criteria", args=[call.pk]), data)
    assert response.status_code == 200
    body = text(response)
    assert "must add up to 100; they add up to 80" in body
    assert "<title>Error:" in body
    assert not call.criteria.exists()
    data["form-1-weight"] = "50"
    response = client.post(reverse("calls:staff_criteria", args=[call.pk]), data)
    assert response.status_code == 302
    assert call.criteria.count() == 2


def test_staff_pages_render(client, secretariat_officer, director):
    call, _ = _reviewed_call(2, 1)
    app = call.applications.first()
    for user in (secretariat_officer, director):
        client.force_login(user)
        for url in (
            reverse("calls:staff_list"),
            reverse("calls:staff_call", args=[call.pk]),
            reverse("calls:staff_late", args=[call.pk]),
            reverse("calls:staff_application", args=[app.pk]),
            reverse("calls:export_applications", args=[call.pk]),
            reverse("calls:export_ranking", args=[call.pk]),
        ):
            assert client.get(url).status_code == 200, url
    assert client.get(reverse("calls:staff_decide", args=[app.pk])).status_code == 200


def test_staff_pages_hidden_from_applicants_and_reviewers(client, ministry_focal_point, reviewer):
    call = CallFactory()
    for user in (ministry_focal_point, reviewer):
        client.force_login(user)
        assert client.get(reverse("calls:staff_call", args=[call.pk])).status_code in (403, 404)
        assert client.get(reverse("calls:export_ranking", args=[call.pk])).status_code in (403, 404)


def test_secretariat_creates_a_call_in_geneva_time(client, secretariat_officer):
    from alliance.centres.models import CentreType

    client.force_login(secretariat_officer)
    response = client.post(
        reverse("calls:staff_create"),
        {
            "reference": "acc-2027",
            "title-en": "Call 2027",
            "summary-en": "Summary",
            "text-en": "Text",
            "centre_types": [CentreType.objects.first().pk],
            "scopes": ["regional"],
            "who_may_apply": "any",
            "opens_at": "2027-01-10T09:00",
            "closes_at": "2027-03-15T17:00",
            "target_reviews": "3",
        },
    )
    assert response.status_code == 302
    from alliance.calls.models import Call

    call = Call.objects.get(reference="acc-2027")
    assert call.closes_at.isoformat() == "2027-03-15T16:00:00+00:00"  # 17:00 CET is 16:00 UTC
    assert call.status == CallStatus.DRAFT


def test_french_pages_use_the_catalog(client):
    call = CallFactory(closes_at=timezone.now() + timedelta(days=3, hours=2))
    body = text(client.get("/fr/calls/"))
    assert "Appels à candidatures" in body
    assert "Clôture dans 3 jours" in body
    body = text(client.get(f"/fr/calls/{call.pk}/"))
    assert "Critères d'évaluation et pondérations" in body
    assert "heure de Genève" in body


def test_an_expired_session_does_not_lose_what_was_typed(client, ministry, ministry_focal_point):
    application = ApplicationFactory(organisation=ministry, flagship_initiatives="")
    url = reverse("calls:application_section", args=[application.pk, "initiatives"])
    # The session has expired: the POST arrives signed out.
    response = client.post(url, {"flagship_initiatives": "A long text typed for an hour"})
    assert response.status_code == 302 and "login" in response.url
    client.force_login(ministry_focal_point)
    body = text(client.get(url))
    assert "A long text typed for an hour" in body
    assert "You were signed out" in body
    application.refresh_from_db()
    assert application.flagship_initiatives == ""  # nothing saved until they press Save
    assert "A long text typed for an hour" not in text(client.get(url))  # offered once


def test_other_list_pages_have_fixed_queries(
    client, secretariat_officer, ministry, ministry_focal_point, django_assert_max_num_queries
):
    for _ in range(30):
        ApplicationFactory(organisation=ministry)
    client.force_login(ministry_focal_point)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("calls:my_applications")).status_code == 200
    call, _ = _reviewed_call(5, 2)
    ReviewAssignment.objects.filter(application__call=call).update(
        status=AssignmentStatus.ACCEPTED, due_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        body = text(client.get(reverse("calls:staff_late", args=[call.pk])))
    assert body.count("Remind") >= 10
    with django_assert_max_num_queries(15):
        assert client.get(reverse("calls:staff_list")).status_code == 200
