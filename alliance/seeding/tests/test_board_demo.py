from io import StringIO

import pytest
from django.core.management import call_command

from alliance.accounts.models import User
from alliance.board.models import BoardMember, Decision, Expert, Meeting
from alliance.board.permissions import is_current_member
from alliance.board.selectors import current_members, past_members

pytestmark = pytest.mark.django_db


def test_demo_board_is_idempotent_and_the_board_user_sits_on_it(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=StringIO())
    counts = (BoardMember.objects.count(), Meeting.objects.count(), Decision.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        BoardMember.objects.count(),
        Meeting.objects.count(),
        Decision.objects.count(),
    )
    assert current_members().count() == 18
    assert past_members().count() == 2
    assert current_members().filter(role="co_chair").count() == 2
    assert current_members().get(role="chair").user.email == "director@demo.alliance.test"
    assert is_current_member(User.objects.get(email="board@demo.alliance.test"))
    assert Expert.objects.filter(status="approved").count() >= 10
    assert Decision.objects.filter(kind="co_chair_election", is_published=True).exists()
