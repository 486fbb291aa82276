import pytest
from django.urls import reverse

from alliance.core.models import StrategicObjective
from alliance.monitoring import services
from alliance.monitoring.models import LessonLearned

pytestmark = pytest.mark.django_db


def lesson(actor, **kwargs):
    defaults = {
        "title": "Sandboxes need a sunset clause",
        "summary": "Time-boxed sandboxes attract more applicants.",
        "body": "## Why\n\nBecause **regulators** trust an end date.",
        "objective": StrategicObjective.objects.get(code="POLICY"),
        "language": "en",
        "publish": True,
    }
    return services.lesson_create(actor=actor, **(defaults | kwargs))


def test_script_in_a_lesson_is_rendered_harmless(client, lab_expert):
    item = lesson(
        lab_expert,
        body="Hello <script>alert('x')</script> <a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>",
    )
    page = client.get(reverse("monitoring:lesson_detail", args=[item.pk])).content.decode()
    assert "<script>alert" not in page
    assert "javascript:" not in page
    assert "onerror" not in page


def test_markdown_is_rendered(client, lab_expert):
    item = lesson(lab_expert)
    page = client.get(reverse("monitoring:lesson_detail", args=[item.pk])).content.decode()
    assert "<h2>Why</h2>" in page and "<strong>regulators</strong>" in page


def test_library_searches_by_text_objective_region_and_language(
    client, lab_expert, django_assert_max_num_queries
):
    lesson(lab_expert)
    lesson(
        lab_expert,
        title="Mentors matter",
        body="Mentoring",
        language="fr",
        objective=StrategicObjective.objects.get(code="ENTREPRENEURSHIP"),
    )
    url = reverse("monitoring:lessons")
    with django_assert_max_num_queries(15):
        page = client.get(url).content.decode()
    assert "Sandboxes" in page and "Mentors" in page
    page = client.get(url, {"q": "sunset"}).content.decode()
    assert "Sandboxes" in page and "Mentors" not in page
    objective = StrategicObjective.objects.get(code="ENTREPRENEURSHIP")
    page = client.get(url, {"objective": objective.pk}).content.decode()
    assert "Mentors" in page and "Sandboxes" not in page
    page = client.get(url, {"language": "fr"}).content.decode()
    assert "Mentors" in page and "Sandboxes" not in page


def test_drafts_are_not_in_the_library_and_strangers_cannot_write(client, lab_expert, stranger):
    draft = lesson(lab_expert, publish=False)
    assert client.get(reverse("monitoring:lesson_detail", args=[draft.pk])).status_code == 404
    client.force_login(stranger)
    assert client.get(reverse("monitoring:lesson_create")).status_code == 403
    from alliance.core.states import TransitionRefused

    with pytest.raises(TransitionRefused):
        lesson(stranger)
    assert LessonLearned.objects.count() == 1


def test_a_centre_managers_lesson_waits_for_the_labs_review(client, centre, manager, lab_expert):
    client.force_login(manager)
    response = client.post(
        reverse("monitoring:lesson_create"),
        {
            "title": "Open data days",
            "summary": "s",
            "body": "b",
            "objective": StrategicObjective.objects.get(code="OPEN_TECH").pk,
            "centre": centre.pk,
            "language": "en",
            "publish": "on",
        },
    )
    item = LessonLearned.objects.get()
    assert response.url == reverse("monitoring:lesson_detail", args=[item.pk])
    assert item.status == "submitted" and item.region == centre.country.region
    client.logout()
    assert "Open data days" not in client.get(reverse("monitoring:lessons")).content.decode()
    client.force_login(lab_expert)
    desk = client.get(reverse("monitoring:lesson_desk")).content.decode()
    assert "Open data days" in desk


def test_public_figures_page_table_and_csv(client, lab_expert, django_assert_max_num_queries):
    lesson(lab_expert)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("monitoring:figures")).content.decode()
    assert "Lessons learned published" in page
    csv = client.get(reverse("monitoring:figures_chart", args=["csv"])).content.decode()
    assert csv.splitlines()[0] == "\ufeffType of assistance,Requests"  # with a BOM
    svg = client.get(reverse("monitoring:figures_chart", args=["svg"]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<script" not in svg.content


def test_withdraw_and_send_again_from_the_lesson_page(
    client, centre, manager, stranger, lab_expert
):
    item = lesson(manager, centre=centre)
    services.lesson_set_status(lesson_id=item.pk, actor=lab_expert, status="published")
    url = reverse("monitoring:lesson_detail", args=[item.pk])
    client.force_login(stranger)
    assert "Withdraw from the library" not in client.get(url).content.decode()
    client.force_login(manager)
    assert "Withdraw from the library" in client.get(url).content.decode()
    client.post(reverse("monitoring:lesson_status", args=[item.pk]), {"status": "withdrawn"})
    item.refresh_from_db()
    assert item.status == "withdrawn"
    page = client.get(url).content.decode()
    # Back in the library only through the Lab's review.
    assert "Send to the Lab for review" in page and "Publish in the library" not in page
    client.post(reverse("monitoring:lesson_status", args=[item.pk]), {"status": "draft"})
    item.refresh_from_db()
    assert item.status == "withdrawn"
    client.post(reverse("monitoring:lesson_status", args=[item.pk]), {"status": "published"})
    item.refresh_from_db()
    assert item.status == "withdrawn"
