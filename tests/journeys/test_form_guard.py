"""Issue 15, item 2: a form posted twice makes one object; a transition posted from a page
someone else has changed since is refused, saying who did what when."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from alliance.joining import services
from alliance.joining.models import ExpressionOfInterest
from alliance.joining.tests.factories import ExpressionFactory

pytestmark = pytest.mark.django_db

EXPRESSION = {
    "instruments": ["host_centre"],
    "scope": "national",
    "motivation": "Grow our start-up ecosystem.",
    "contact_name": "Thoko Phiri",
    "contact_email": "focal@ministry.test",
}


def hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)


def test_every_form_carries_a_one_time_token(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    page = client.get(reverse("joining:expression_create", args=[ministry.pk])).content.decode()
    assert hidden(page, "form_token")


def test_the_same_form_posted_twice_makes_one_expression(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    url = reverse("joining:expression_create", args=[ministry.pk])
    token = hidden(client.get(url).content.decode(), "form_token")
    first = client.post(url, EXPRESSION | {"form_token": token})
    again = client.post(url, EXPRESSION | {"form_token": token}, follow=True)
    assert ExpressionOfInterest.objects.filter(organisation=ministry).count() == 1
    assert again.redirect_chain[0][0] == first.url
    assert "already been sent" in again.content.decode()


def test_a_post_without_a_token_still_works(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    url = reverse("joining:expression_create", args=[ministry.pk])
    client.post(url, EXPRESSION)
    client.post(url, EXPRESSION)
    assert ExpressionOfInterest.objects.filter(organisation=ministry).count() == 2


def test_a_form_with_errors_frees_its_token(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    url = reverse("joining:expression_create", args=[ministry.pk])
    token = hidden(client.get(url).content.decode(), "form_token")
    bad = client.post(url, EXPRESSION | {"motivation": "", "form_token": token})
    assert bad.status_code == 200
    client.post(url, EXPRESSION | {"form_token": token})
    assert ExpressionOfInterest.objects.filter(organisation=ministry).count() == 1


def test_a_stale_decline_is_refused_naming_who_acknowledged(
    ministry, ministry_focal_point, secretariat_officer
):
    from alliance.accounts.roles import StaffRole
    from alliance.accounts.tests.factories import UserFactory

    expression = ExpressionFactory(organisation=ministry)
    services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    colleague = UserFactory(email="other@itu.test", full_name="Omar Colleague")
    from django.contrib.auth.models import Group

    colleague.groups.add(Group.objects.get(name=StaffRole.SECRETARIAT.value))

    amina = Client()
    amina.force_login(secretariat_officer)
    detail = reverse("joining:expression_detail", args=[expression.pk])
    page = amina.get(detail).content.decode()
    version = hidden(page, "shown_version")

    services.expression_acknowledge(expression_id=expression.pk, actor=colleague)

    response = amina.post(
        reverse("joining:expression_decline", args=[expression.pk]),
        {"reason": "Out of scope.", "shown_version": version},
        HTTP_REFERER="http://testserver" + detail,
        follow=True,
    )
    expression.refresh_from_db()
    assert expression.status == "acknowledged"  # the decline did not go through
    text = response.content.decode()
    assert "This changed since you opened it" in text and "Omar Colleague" in text
    assert response.redirect_chain[-1][0].endswith(detail)


def test_own_changes_do_not_make_a_page_stale(ministry, ministry_focal_point, secretariat_officer):
    expression = ExpressionFactory(organisation=ministry)
    services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    amina = Client()
    amina.force_login(secretariat_officer)
    page = amina.get(reverse("joining:expression_detail", args=[expression.pk])).content.decode()
    version = hidden(page, "shown_version")
    services.expression_acknowledge(expression_id=expression.pk, actor=secretariat_officer)
    amina.post(
        reverse("joining:expression_decline", args=[expression.pk]),
        {"reason": "Out of scope.", "shown_version": version},
    )
    expression.refresh_from_db()
    assert expression.status == "declined"
