"""Events elsewhere propose draft announcements: a call opens, results are published, a
centre is accredited for the first time, a pilot is designated."""

import pytest

from alliance.calls.tests.factories import CallFactory
from alliance.core.kernel import Event, committed
from alliance.news.models import Announcement

pytestmark = pytest.mark.django_db


def test_an_opened_call_proposes_a_translated_draft_once(django_capture_on_commit_callbacks):
    call = CallFactory()
    event = Event("call.published", "calls.Call", call.pk)
    with django_capture_on_commit_callbacks(execute=True):
        committed.send(sender=None, event=event)
        committed.send(sender=None, event=event)
    draft = Announcement.objects.get()
    assert draft.current_status == "draft" and draft.call == call and draft.category == "calls"
    assert draft.title["fr"].startswith("Appel à candidatures ouvert")
    assert f"/fr/calls/{call.pk}/" in draft.body["fr"]
    assert set(draft.title) == {"en", "fr", "es", "ar", "ru", "zh-hans"}
