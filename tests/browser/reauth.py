"""The Director's decisions ask for the password again (alliance/accounts/reauth.py)."""

from alliance.accounts.tests.factories import PASSWORD

REAUTH = "/accounts/reauthenticate/"


def confirm_password_if_asked(page, password=PASSWORD) -> bool:
    """Type the password on allauth's confirmation page when it comes up; True if it did.
    It comes up for the first decision, and again once the confirmation is a few minutes
    old (a loaded machine may take that long between two decisions)."""
    page.wait_for_load_state()
    if REAUTH not in page.url:
        return False
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    return True
