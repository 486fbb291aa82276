import pytest
from django.core import mail
from django.urls import reverse

from alliance.board import services
from alliance.board.models import Expert, ExpertArea
from alliance.board.selectors import available_experts
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import ExpertFactory

pytestmark = pytest.mark.django_db


def test_seven_areas_in_two_languages():
    areas = list(ExpertArea.objects.order_by("order"))
    assert len(areas) == 7
    assert areas[0].name["en"] == "Strategic Foresight"
    assert areas[-1].name["fr"] == "Partenariats et mobilisation de ressources"


def test_apply_then_approval(client, stranger, secretariat_officer):
    client.force_login(stranger)
    response = client.post(
        reverse("board:expert_apply"),
        {
            "full_name": "Sam Stranger",
            "areas": [ExpertArea.objects.get(code="POLICY").pk],
            "expertise": "Regulatory sandboxes",
            "languages": ["en", "fr"],
            "availability": "available",
        },
    )
    assert "What happens next" in response.content.decode()
    expert = Expert.objects.get(user=stranger)
    assert expert.status == "applied"
    services.expert_decide(expert_id=expert.pk, actor=secretariat_officer, approve=True)
    with pytest.raises(TransitionRefused):
        services.expert_decide(expert_id=expert.pk, actor=secretariat_officer, approve=False)
    expert.refresh_from_db()
    assert expert.status == "approved"
    assert AuditEvent.objects.filter(verb="expert.approved").exists()


def test_invited_expert_completes_the_application(
    client, secretariat_officer, django_capture_on_commit_callbacks
):
    from alliance.accounts.tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        services.expert_invite(actor=secretariat_officer, full_name="Lucía", email="lucia@x.test")
    assert mail.outbox[0].to == ["lucia@x.test"]
    user = UserFactory(email="lucia@x.test")
    expert = services.expert_apply(
        actor=user,
        areas=ExpertArea.objects.filter(code="FORESIGHT"),
        languages=["es"],
        full_name="Lucía Fernández",
        organisation_name="",
        country="",
        expertise="Foresight",
        availability="limited",
    )
    assert (expert.status, expert.user) == ("applied", user)
    assert Expert.objects.count() == 1


def test_only_the_secretariat_approves(stranger):
    expert = ExpertFactory(status="applied")
    with pytest.raises(TransitionRefused):
        services.expert_decide(expert_id=expert.pk, actor=stranger, approve=True)
    expert.refresh_from_db()
    assert expert.status == "applied"


def test_available_experts_selector():
    policy = ExpertArea.objects.get(code="POLICY")
    fr = ExpertFactory(full_name="French speaker", languages=",en,fr,", areas=[policy])
    ExpertFactory(full_name="English only", languages=",en,", areas=[policy])
    ExpertFactory(full_name="Busy", languages=",fr,", availability="unavailable", areas=[policy])
    ExpertFactory(full_name="Applicant", languages=",fr,", status="applied", areas=[policy])
    assert list(available_experts(area="POLICY", language="fr")) == [fr]
    assert list(available_experts(area=policy, language="fr")) == [fr]
    assert len(available_experts()) == 2


def test_expert_queue_query_count(client, secretariat_officer, django_assert_max_num_queries):
    areas = list(ExpertArea.objects.all())
    for _ in range(30):
        ExpertFactory(status="applied", areas=areas[:2])
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("board:expert_queue")).status_code == 200


def test_expert_leaves_the_network(client, stranger):
    ExpertFactory(user=stranger, email=stranger.email)
    client.force_login(stranger)
    response = client.post(reverse("board:expert_leave"), follow=True)
    assert "You left the Expert Network." in response.content.decode()
    assert Expert.objects.get(user=stranger).status == "left"
    response = client.post(reverse("board:expert_leave"), follow=True)
    assert "This cannot be done while the status is" in response.content.decode()
