import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    # A request to a /fr/ page leaves French active in the thread; start each test in English.
    translation.activate("en")
    yield
    translation.activate("en")
