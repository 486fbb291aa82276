"""Issue 15, items 3 and 4: errors that help (GOV.UK pattern, field-level constraint
messages, laid-out error pages) and labels that tell the truth."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from alliance.accounts.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize(
    ("language", "prefix", "label"), [("en", "Error:", "Name"), ("fr", "Erreur", "Nom")]
)
def test_error_summary_names_and_links_each_field(client, stranger, language, prefix, label):
    client.force_login(stranger)
    response = client.post(f"/{language}/organisations/new/", {"name": "", "country": ""})
    assert response.status_code == 200
    assert title(response).startswith(prefix)
    page = response.content.decode()
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    # Each error names its field and links to its input, instead of "This field is required."
    # three times over.
    assert f'<a href="#id_name">{label}' in summary
    assert 'href="#id_country"' in summary
    assert 'id="id_name_error"' in page


def test_a_duplicate_organisation_is_answered_beside_its_name(client, stranger):
    OrganisationFactory(name="Ministry of ICT", country="MW")
    client.force_login(stranger)
    response = client.post(
        "/fr/organisations/new/",
        {
            "name": "Ministry of ICT",
            "country": "MW",
            "kind": "member_state",
            "itu_membership": "member_state",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "existe déjà" not in page  # Django's technical sentence is gone
    field = page.split('id="id_name_error"')[1].split("</p>")[0]
    assert "déjà enregistrée" in field


@pytest.mark.parametrize("language", ["en", "fr"])
def test_404_page_has_the_layout_and_a_way_forward(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page and 'href="/' + language + '/"' in page
    assert ("Page not found" if language == "en" else "Page non trouvée") in title(response)


def test_403_page_has_the_layout(client, stranger, secretariat_officer):
    from alliance.core.errors import permission_denied

    request = RequestFactory().get("/en/staff/audit/")
    request.user = stranger
    request.session = {}
    response = permission_denied(request)
    assert response.status_code == 403
    assert b'class="site-header"' in response.content
    assert b"You cannot open this page" in response.content


def test_500_page_has_the_layout_and_survives_a_broken_layout(monkeypatch):
    from django.contrib.auth.models import AnonymousUser

    from alliance.core import errors

    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    request.session = {}
    response = errors.server_error(request)
    assert response.status_code == 500 and b'class="site-header"' in response.content

    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(errors, "render", broken)
    response = errors.server_error(request)
    assert response.status_code == 500 and b"Sorry, there is a problem" in response.content


def test_an_api_404_stays_json(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["content-type"].startswith("application/json")


def test_a_csrf_failure_is_a_laid_out_page(stranger):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(stranger)
    response = client.post("/en/organisations/new/", {"name": "x"})
    assert response.status_code == 403
    assert b"Your form could not be sent" in response.content
    assert b'class="site-header"' in response.content


def test_a_5000_character_file_name_is_not_a_bare_400(client, lab_expert, ministry):
    from alliance.lab.tests.test_edit import AGREEMENT_POST
    from alliance.lab.tests.test_edit import agreement as _agreement  # noqa: F401

    client.force_login(lab_expert)
    name = "a" * 5000 + ".pdf"
    response = client.post(
        "/en/lab/agreements/new/",
        AGREEMENT_POST | {"document": SimpleUploadedFile(name, b"%PDF-1.4")},
    )
    assert response.status_code in (200, 400)
    assert b"Bad Request (400)" not in response.content
    assert b'class="site-header"' in response.content


def test_no_title_contains_markup_on_the_joining_page(client, ministry, ministry_focal_point):
    client.force_login(ministry_focal_point)
    response = client.get(reverse("joining:organisation", args=[ministry.pk]))
    assert response.status_code == 200
    assert "<" not in title(response)


def test_after_creating_an_organisation_the_next_step_is_to_express_interest(client, stranger):
    client.force_login(stranger)
    response = client.post(
        "/en/organisations/new/",
        {"name": "Blantyre Hub", "country": "MW", "kind": "academia", "itu_membership": "academia"},
        follow=True,
    )
    page = response.content.decode()
    assert "Next step: join the Alliance" in page
    assert "/joining/organisations/" in page and "Express interest" in page


def test_a_seat_whose_term_has_not_started_is_not_active():
    from alliance.board.tests.factories import BoardMemberFactory

    start = timezone.localdate() + timedelta(days=60)
    member = BoardMemberFactory(term_start=start, term_end=start + timedelta(days=3 * 365))
    assert member.current_status == "upcoming"
    assert member.get_current_status_display() == "Not started"


def test_fields_needed_to_submit_are_not_marked_optional():
    from alliance.calls.forms.review import DeclarationForm

    html = str(DeclarationForm())
    assert "Describe the conflict" in html
    assert "(optional)" not in html
