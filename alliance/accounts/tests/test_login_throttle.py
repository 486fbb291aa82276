"""Sign-in throttling (issue 12, point 5): growing delays per account and address, 429
with Retry-After, nobody locked out from elsewhere, X-Forwarded-For only behind proxies."""

from datetime import timedelta

import pytest
import time_machine
from django.test import RequestFactory, override_settings
from django.utils import timezone

from alliance.accounts import throttle

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
ATTACKER = "198.51.100.7"
DIRECTOR_DESK = "192.0.2.10"


@pytest.fixture
def director():
    return UserFactory(email="director@itu.test")


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def sign_in(client, email, password, address=ATTACKER, **headers):
    return client.post(
        LOGIN, {"login": email, "password": password}, REMOTE_ADDR=address, headers=headers
    )


def fail(client, email, times, address=ATTACKER, **headers):
    for _ in range(times):
        response = sign_in(client, email, "wrong-password", address, **headers)
        assert response.status_code == 200, response.status_code  # the form says why


def test_five_failures_then_429_with_retry_after_and_a_page_that_says_when(client, director, clock):
    fail(client, director.email, 5)
    response = sign_in(client, director.email, PASSWORD)  # even the right password waits
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "<title>Too many attempts" in body
    assert "Please wait a minute before trying again." in body
    assert "You can try again from" in body
    assert 'class="site-header"' in body  # the site's layout, not a bare error
    assert not client.get("/en/dashboard/").wsgi_request.user.is_authenticated

    french = client.post(
        "/fr/accounts/login/", {"login": director.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )
    assert french.status_code == 429
    assert "Trop de tentatives" in french.content.decode()


def test_the_right_password_works_from_another_address_while_one_is_throttled(
    client, director, clock
):
    fail(client, director.email, 5, address=ATTACKER)
    assert sign_in(client, director.email, PASSWORD, address=ATTACKER).status_code == 429
    response = sign_in(client, director.email, PASSWORD, address=DIRECTOR_DESK)
    assert response.status_code == 302
    assert client.get("/en/dashboard/").wsgi_request.user == director


def test_delays_grow_with_each_failure_and_end_so_the_right_password_works_again(
    client, director, clock
):
    fail(client, director.email, 5)
    waits = []
    for _ in range(4):
        waits.append(int(sign_in(client, director.email, "x")["Retry-After"]))
        clock.shift(timedelta(seconds=waits[-1]))
        fail(client, director.email, 1)
    assert waits == [30, 60, 120, 240]
    clock.shift(timedelta(minutes=20))  # the longest delay is 15 minutes
    assert sign_in(client, director.email, PASSWORD).status_code == 302
    client.logout()
    fail(client, director.email, 5)  # a success forgets the pair's failures


def test_many_accounts_tried_from_one_address_hold_that_address_back_only(client, director, clock):
    sign_in(client, director.email, PASSWORD, address=DIRECTOR_DESK)  # known there
    client.logout()
    for n in range(throttle.ADDRESS.free):
        clock.shift(timedelta(seconds=3))  # under allauth's 30 sign-in posts a minute
        fail(client, f"person{n}@example.test", 1, address=DIRECTOR_DESK)
    colleague = UserFactory(email="colleague@itu.test")
    held = sign_in(client, colleague.email, PASSWORD, address=DIRECTOR_DESK)
    assert held.status_code == 429
    assert held["Retry-After"] == "30"
    # The Director, who signed in from there before, is not held back by the others.
    assert sign_in(client, director.email, PASSWORD, address=DIRECTOR_DESK).status_code == 302
    client.logout()
    assert sign_in(client, colleague.email, PASSWORD, address="203.0.113.9").status_code == 302


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, director, clock):
    for n in range(5):  # a different forged address each time: still one client
        fail(client, director.email, 1, **{"X-Forwarded-For": f"203.0.113.{n}"})
    response = sign_in(client, director.email, PASSWORD, **{"X-Forwarded-For": "203.0.113.99"})
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_adds_is_the_client(client, director, clock):
    balancer = "10.0.0.2"
    # The client forges an entry; the load balancer appends the address it saw.
    forged = {"X-Forwarded-For": f"192.0.2.200, {ATTACKER}"}
    fail(client, director.email, 5, address=balancer, **forged)
    attacker = sign_in(client, director.email, PASSWORD, balancer, **{"X-Forwarded-For": ATTACKER})
    assert attacker.status_code == 429
    # Everyone comes through the same balancer, yet the Director is not held back.
    desk = sign_in(client, director.email, PASSWORD, balancer, **{"X-Forwarded-For": DIRECTOR_DESK})
    assert desk.status_code == 302


def test_client_address():
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.2", headers={"X-Forwarded-For": "a, 192.0.2.1"})
    assert throttle.client_address(request) == "10.0.0.2"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert throttle.client_address(request) == "192.0.2.1"
    with override_settings(TRUSTED_PROXY_COUNT=2):
        assert throttle.client_address(request) == "10.0.0.2"  # "a" is not an address
        direct = factory.get("/", REMOTE_ADDR="10.0.0.3", headers={"X-Forwarded-For": "192.0.2.1"})
        assert throttle.client_address(direct) == "10.0.0.3"  # did not pass both proxies


def test_an_ipv6_client_is_counted_per_64_network(client, director, clock):
    for n in range(5):
        fail(client, director.email, 1, address=f"2001:db8:1:2::{n + 1}")
    assert sign_in(client, director.email, PASSWORD, address="2001:db8:1:2::ff").status_code == 429
    assert sign_in(client, director.email, PASSWORD, address="2001:db8:1:3::1").status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "1/m/ip"})
def test_allauths_own_limits_answer_the_same_429_page(client):
    data = {"password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase"}
    client.post("/en/accounts/signup/", {"email": "one@x.test", **data})
    client.logout()
    response = client.post("/en/accounts/signup/", {"email": "two@x.test", **data})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Too many attempts" in response.content.decode()


def test_the_admin_signs_in_through_the_throttled_sign_in(client, director):
    response = client.post(
        "/en/admin/login/", {"username": director.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert not client.get("/en/dashboard/").wsgi_request.user.is_authenticated
