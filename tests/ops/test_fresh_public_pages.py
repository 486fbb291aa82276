"""Public pages are cached, but never stale: a transition refreshes exactly the pages that
show it, in every language, from the next request; browsers revalidate with the ETag."""

import html
from datetime import date, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from alliance.calls import services as calls
from alliance.calls.states import CallStatus
from alliance.calls.tests.factories import CallFactory
from alliance.centres.tests.factories import accredited_centre
from alliance.lab import services as lab

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


def text(response):
    return html.unescape(response.content.decode())


def page(code, name, *args):
    with translation.override(code):
        return reverse(name, args=args)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a service as a request would: its after-commit work (invalidation) runs."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def test_published_results_show_on_the_next_request_in_every_language(client, director, commit):
    call = CallFactory(status=CallStatus.DECIDED, closes_at=timezone.now() - timedelta(days=9))
    results = {code: page(code, "calls:results", call.pk) for code in LANGUAGES}
    for code in LANGUAGES:  # every language cached before the results
        body = text(client.get(page(code, "calls:detail", call.pk)))
        assert f'href="{results[code]}"' not in body
    assert client.get(page("en", "calls:list") + "?show=past").status_code == 200
    commit(calls.call_publish_results, call_id=call.pk, actor=director)
    for code in LANGUAGES:
        body = text(client.get(page(code, "calls:detail", call.pk)))
        assert f'href="{results[code]}"' in body, code
        assert client.get(results[code]).status_code == 200
    listed = text(client.get(page("en", "calls:list") + "?show=past"))
    assert "Results published" in listed


def test_a_transition_refreshes_only_the_pages_that_show_it(client, secretariat_officer, commit):
    shown, other = CallFactory(), CallFactory()
    other_page = page("en", "calls:detail", other.pk)
    first = client.get(other_page)
    commit(calls.call_close_now, call_id=shown.pk, actor=secretariat_officer)
    again = client.get(other_page, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304  # the other call's copy is still the one served
    assert "Closed" in text(client.get(page("en", "calls:detail", shown.pk)))


def test_conditional_get_is_304_until_a_change_then_200(client, secretariat_officer, commit):
    call = CallFactory()
    url = page("fr", "calls:detail", call.pk)
    first = client.get(url)
    assert first.status_code == 200
    assert "max-age=0" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    commit(calls.call_close_now, call_id=call.pk, actor=secretariat_officer)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Cet appel est clôturé" in text(changed)
    assert client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_the_cached_page_says_closed_at_the_deadline_without_any_job(client):
    deadline = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    call = CallFactory(closes_at=deadline)
    for code in LANGUAGES:
        apply = page(code, "calls:apply", call.pk)
        detail = page(code, "calls:detail", call.pk)
        listing = page(code, "calls:list")
        title = call.title.get(code) or call.title["en"]
        with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
            etag = client.get(detail)["ETag"]
            assert f'href="{apply}"' in text(client.get(detail))  # served from the copy
            assert title in text(client.get(listing))
        with time_machine.travel(deadline, tick=False):
            response = client.get(detail, HTTP_IF_NONE_MATCH=etag)
            assert response.status_code == 200, code
            assert f'href="{apply}"' not in text(response)
            assert title not in text(client.get(listing))
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN  # no job ran


def test_agreements_and_projects_appear_on_the_centre_page_at_once(
    client, secretariat_officer, director, lab_expert, ministry, commit
):
    centre, _accreditation = accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )
    url = page("en", "centres:detail", centre.pk)
    assert "Support to the Blantyre centre" not in text(client.get(url))
    agreement = commit(
        lab.agreement_create,
        actor=lab_expert,
        host_organisation=centre.host_organisation,
        centre=centre,
        title="Support to the Blantyre centre",
        parties="BDT; the ministry",
        scope="Design and monitoring support.",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
    )
    commit(
        lab.agreement_set_status,
        agreement_id=agreement.pk,
        actor=lab_expert,
        status="signed",
        document=SimpleUploadedFile("signed.pdf", b"%PDF-1.4", content_type="application/pdf"),
    )
    assert "Support to the Blantyre centre" in text(client.get(url))
    commit(
        lab.project_create,
        actor=lab_expert,
        agreement=agreement,
        title="Regulatory sandbox",
        description="",
        budget_usd=120000,
        start_date=date(2025, 2, 1),
        end_date=date(2025, 12, 31),
    )
    assert "Regulatory sandbox" in text(client.get(url))


def test_signed_in_visitors_get_a_private_page(client, secretariat_officer):
    call = CallFactory()
    client.force_login(secretariat_officer)
    response = client.get(page("en", "calls:detail", call.pk))
    assert "private" in response["Cache-Control"]
