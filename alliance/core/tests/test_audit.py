import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError

from alliance.core import kernel
from alliance.core.models import AuditEvent, Region

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_an_audit_event_refuses_to_be_written_outside_a_transaction(secretariat_officer):
    region = Region.objects.first()
    with pytest.raises(TransactionManagementError):
        kernel.record(region, actor=secretariat_officer, verb="x.y")


def test_an_event_rolls_back_with_the_change(secretariat_officer):
    region = Region.objects.first()
    with pytest.raises(ValueError), transaction.atomic():
        kernel.record(region, actor=secretariat_officer, verb="region.renamed")
        raise ValueError
    assert not AuditEvent.objects.filter(verb="region.renamed").exists()


def _events(actor, n, verb="milestone.updated"):
    region = Region.objects.first()
    with transaction.atomic():
        for _ in range(n):
            kernel.record(region, actor=actor, verb=verb, before="a", after="b", notify=False)


def test_audit_page_filters_and_paginates_in_few_queries(
    client, secretariat_officer, director, django_assert_max_num_queries
):
    _events(secretariat_officer, 60)
    _events(director, 3, verb="declaration.countersigned")
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(12):
        page1 = client.get("/en/staff/audit/").content.decode()
    assert "Page 1 of 2" in page1
    filtered = client.get("/en/staff/audit/", {"actor": "director@"}).content.decode()
    assert filtered.count("declaration.countersigned") == 3
    assert "milestone.updated" not in filtered


def test_a_long_audit_log_pages_through_the_newest_events_and_says_how_to_reach_older_ones(
    client, secretariat_officer, monkeypatch
):
    from alliance.core import views

    monkeypatch.setattr(views, "AUDIT_PAGED_EVENTS", 100)
    _events(secretariat_officer, 130)
    client.force_login(secretariat_officer)
    first = client.get("/en/staff/audit/").content.decode()
    assert "Page 1 of 2" in first
    assert "Only the newest 100 matching events are paged through" in first
    # Asking for a page past the cap shows the last one it allows.
    assert "Page 2 of 2" in client.get("/en/staff/audit/", {"page": 3}).content.decode()
    # A filter that matches fewer events than the cap pages through all of them, no note.
    filtered = client.get("/en/staff/audit/", {"verb": "milestone"}).content.decode()
    assert "Only the newest" in filtered
    fewer = client.get("/en/staff/audit/", {"actor": "nobody@"}).content.decode()
    assert "Only the newest" not in fewer
    assert "No events match these filters." in fewer


def test_audit_page_rejects_a_backwards_date_range(client, secretariat_officer):
    client.force_login(secretariat_officer)
    body = client.get(
        "/en/staff/audit/", {"since": "2026-05-01", "until": "2026-04-01"}
    ).content.decode()
    assert "The end date must be on or after the start date." in body


def test_audit_page_is_for_staff_only(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get("/en/staff/audit/").status_code == 403
    client.logout()
    assert client.get("/en/staff/audit/").status_code == 302


def test_htmx_filter_returns_only_the_results(client, secretariat_officer):
    _events(secretariat_officer, 2)
    client.force_login(secretariat_officer)
    body = client.get(
        "/en/staff/audit/", {"verb": "milestone"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<table>" in body
    assert "<html" not in body
