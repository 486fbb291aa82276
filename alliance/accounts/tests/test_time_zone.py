import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/profile/"
PROFILE = {"full_name": "Amina Otieno", "job_title": "", "preferred_language": "en"}


def test_profile_saves_the_time_zone(client, stranger):
    client.force_login(stranger)
    response = client.post(PROFILE_URL, {**PROFILE, "time_zone": "Africa/Nairobi"})
    assert response.status_code == 302
    stranger.refresh_from_db()
    assert stranger.time_zone == "Africa/Nairobi"
    page = client.get(PROFILE_URL).content.decode()
    assert 'name="time_zone" value="Africa/Nairobi"' in page


def test_the_time_zone_is_typed_with_suggestions_not_a_select_of_600(client, stranger):
    client.force_login(stranger)
    page = client.get(PROFILE_URL).content.decode()
    assert '<select name="time_zone"' not in page
    assert 'list="time-zones"' in page and '<datalist id="time-zones">' in page
    assert '<option value="Africa/Nairobi">Africa/Nairobi</option>' in page or (
        '<option value="Africa/Nairobi">' in page
    )
    assert len(page.encode()) < 60_000


def test_profile_time_zone_can_be_left_blank(client, stranger):
    stranger.time_zone = "Africa/Nairobi"
    stranger.save()
    client.force_login(stranger)
    client.post(PROFILE_URL, {**PROFILE, "time_zone": ""})
    stranger.refresh_from_db()
    assert stranger.time_zone == ""


def test_an_unknown_time_zone_is_refused_and_nothing_changes(client, stranger):
    client.force_login(stranger)
    response = client.post(PROFILE_URL, {**PROFILE, "time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    assert "Error:" in response.content.decode()
    assert 'value="Mars/Olympus"' in response.content.decode()  # what was typed stays
    stranger.refresh_from_db()
    assert stranger.time_zone == "" and stranger.full_name != "Amina Otieno"


def test_the_signed_in_persons_zone_is_active_only_during_their_request(client, stranger):
    from alliance.accounts.middleware import UserTimeZoneMiddleware

    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())

    stranger.time_zone = "Africa/Nairobi"
    stranger.save()

    class Request:
        user = stranger

    UserTimeZoneMiddleware(view)(Request())
    assert seen == ["Africa/Nairobi"]
    assert timezone.get_current_timezone_name() == "UTC"
