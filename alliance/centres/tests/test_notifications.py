import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres.notifications import SUBJECTS, email_centre

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_every_notice_reaches_the_managers_in_their_language(
    kind, accredited, mailoutbox, secretariat_officer
):
    centre, accreditation = accredited
    french = UserFactory(email="responsable@centre.test", preferred_language="fr")
    MembershipFactory(
        user=french, organisation=centre.host_organisation, role=MembershipRole.SIGNATORY
    )
    # A plain member manages the profile but does not receive official notices.
    MembershipFactory(organisation=centre.host_organisation, role=MembershipRole.MEMBER)
    mailoutbox.clear()
    email_centre.enqueue(centre.pk, kind, accreditation_id=accreditation.pk, days=90)
    recipients = sorted(m.to[0] for m in mailoutbox)
    expected = ["responsable@centre.test"]
    if kind == "reminder":
        expected = ["officer@itu.test", *expected]
    assert recipients == expected
    notice = next(m for m in mailoutbox if m.to == ["responsable@centre.test"])
    assert centre.name in notice.body
    assert "agrément" in notice.subject.lower() or "centre" in notice.subject.lower()
    assert f"/centres/manage/{centre.pk}/" in notice.body
