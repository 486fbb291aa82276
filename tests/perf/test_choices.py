"""Choice labels kept per field and language (alliance/core/choices.py) read as Django's."""

from django.utils import translation

from alliance.accounts.models import ItuVerification, Organisation


def test_a_status_label_follows_the_reader_language():
    organisation = Organisation(itu_status=ItuVerification.PENDING)
    with translation.override("en"):
        english = organisation.get_itu_status_display()
    with translation.override("fr"):
        french = organisation.get_itu_status_display()
    assert english == "Waiting for the secretariat's check"
    with translation.override("fr"):
        assert french == str(ItuVerification.PENDING.label)
    assert french != english


def test_a_value_outside_the_choices_is_shown_as_stored():
    assert Organisation(itu_status="gone").get_itu_status_display() == "gone"
