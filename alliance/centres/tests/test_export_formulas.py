"""The public registry CSV: a centre named like a formula comes out as text."""

import pytest
from django.urls import reverse

from alliance.core.tests.spreadsheet_checks import EVIL, assert_csv_neutralised

pytestmark = pytest.mark.django_db


def test_registry_csv_neutralises_a_formula_like_centre_name(client, accredited):
    centre, _accreditation = accredited
    centre.name = EVIL
    centre.save(update_fields=["name"])
    rows = assert_csv_neutralised(client.get(reverse("centres:export_csv")).content)
    assert rows[0][1] == "Name"
