import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres.models import CategoryChange, RenewalEvaluation
from alliance.centres.notifications import NOTICES
from alliance.core.kernel import Event
from alliance.notifications.delivery import deliver

from .factories import centre_type

pytestmark = pytest.mark.django_db


def _announced(verb, centre, accreditation):
    """The row whose change announces `verb` (as the services make it)."""
    model = verb.split(".")[0]
    if model == "centre":
        return centre
    if model == "renewal":
        return RenewalEvaluation.objects.create(accreditation=accreditation)
    if model == "category_change":
        return CategoryChange.objects.create(
            centre=centre,
            from_type=centre.centre_type,
            to_type=centre_type("RESEARCH_ENTREPRENEURSHIP"),
            justification="x",
        )
    return accreditation


@pytest.mark.parametrize("kind", sorted(NOTICES))
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
    verb = NOTICES[kind][0]
    obj = _announced(verb, centre, accreditation)
    context = {"accreditation_id": accreditation.pk, "days": 90}
    deliver.call(Event(verb, obj._meta.label, obj.pk, context=context).as_dict())
    recipients = sorted(m.to[0] for m in mailoutbox)
    expected = ["responsable@centre.test"]
    if kind == "reminder":
        expected = ["officer@itu.test", *expected]
    assert recipients == expected
    notice = next(m for m in mailoutbox if m.to == ["responsable@centre.test"])
    assert centre.name in notice.body
    assert "agrément" in notice.subject.lower() or "centre" in notice.subject.lower()
    assert f"/centres/manage/{centre.pk}/" in notice.body
