"""The events pages pass axe-core (WCAG 2.2 AA) in English and in Arabic (right to left):
the lists, an event with its registration form, the organisers' form with errors."""

import pytest

from alliance.events.tests.factories import EventFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_events_pages_have_no_serious_violation(axe, stranger, secretariat_officer, language):
    question = QuestionFactory(event=EventFactory(capacity=1))
    L = f"/{language}"
    pages = [
        ("list", f"{L}/events/", {}),
        ("past", f"{L}/events/past/", {}),
        ("detail with form", f"{L}/events/{question.event.pk}/", {"signed_in_as": stranger}),
        (
            "registration with errors",
            f"{L}/events/{question.event.pk}/",
            {"signed_in_as": stranger, "post": {}},
        ),
        (
            "organisers' form with errors",
            f"{L}/events/staff/new/",
            {"signed_in_as": secretariat_officer, "post": {"capacity": "0"}},
        ),
        ("organisers' list", f"{L}/events/staff/", {"signed_in_as": secretariat_officer}),
    ]
    found = {name: axe(path, **options) for name, path, options in pages}
    assert {k: v for k, v in found.items() if v} == {}
