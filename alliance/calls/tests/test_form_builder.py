import pytest
from django.urls import reverse

from alliance.calls.completeness import missing_items

from .factories import ApplicationFactory, CallFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    call = CallFactory()
    QuestionFactory(call=call, kind="long_text", label={"en": "Vision"}, word_limit=5)
    QuestionFactory(call=call, kind="number", label={"en": "Staff"})
    QuestionFactory(
        call=call,
        kind="choice",
        label={"en": "Stage"},
        choices={"en": "Idea\nRunning", "fr": "Idée\nEn activité"},
    )
    QuestionFactory(
        call=call,
        kind="multiple_choice",
        label={"en": "Objectives"},
        choices={"en": "Foresight\nPolicy"},
    )
    QuestionFactory(call=call, kind="yes_no", label={"en": "Assessment done"}, required=False)
    QuestionFactory(call=call, kind="file", label={"en": "Support letter"})
    return call


def test_every_question_type_renders_and_saves(client, call, ministry, ministry_focal_point):
    application = ApplicationFactory(call=call, organisation=ministry)
    client.force_login(ministry_focal_point)
    url = reverse("calls:application_section", args=[application.pk, "questions"])
    body = client.get(url).content.decode()
    for label in ("Vision", "Staff", "Stage", "Objectives", "Assessment done"):
        assert label in body
    assert "At most 5 words." in body
    q = {x.label["en"]: x.key for x in call.questions.all()}
    response = client.post(
        url,
        {
            q["Vision"]: "one two three four five six",
            q["Staff"]: "abc",
            q["Stage"]: "Running",
            q["Objectives"]: ["Foresight", "Policy"],
            q["Assessment done"]: "yes",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Use at most 5 words (you used 6)." in body
    assert "one two three four five six" in body  # what was typed is kept
    application.refresh_from_db()
    # The valid answers were saved despite the two errors.
    assert application.answers[q["Stage"]] == "Running"
    assert application.answers[q["Objectives"]] == ["Foresight", "Policy"]
    assert q["Vision"] not in application.answers
    response = client.post(
        url,
        {
            q["Vision"]: "Short vision",
            q["Staff"]: "6",
            q["Stage"]: "Idea",
            q["Objectives"]: ["Policy"],
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers[q["Staff"]] == "6"
    missing = [m for _k, m in missing_items(application, list(call.questions.all()), [])]
    assert missing == ["Answer “Support letter”."]


def test_choices_follow_the_language(client, call, ministry, ministry_focal_point):
    application = ApplicationFactory(call=call, organisation=ministry)
    client.force_login(ministry_focal_point)
    body = client.get(
        f"/fr/calls/applications/{application.pk}/section/questions/"
    ).content.decode()
    assert "En activité" in body
