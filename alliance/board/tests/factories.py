from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.core.files.base import ContentFile

from alliance.accounts.tests.factories import (
    UserFactory,
    VerifiedOrganisationFactory,
)
from alliance.board.models import (
    BoardMember,
    Decision,
    Expert,
    Meeting,
    MeetingDocument,
    Nomination,
)

GENEVA = ZoneInfo("Europe/Zurich")


class BoardMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMember

    full_name = factory.Sequence(lambda n: f"Member {n}")
    title = "Minister of ICT"
    email = factory.Sequence(lambda n: f"member{n}@board.test")
    country = "MW"
    category = "member_state"
    role = "member"
    term_start = date(2024, 2, 15)
    term_end = date(2027, 2, 14)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(
        lambda n: {"en": f"Board meeting {n}", "fr": f"Réunion du Conseil {n}"}
    )
    kind = "annual"
    format = "in_person"
    place = "Geneva"
    starts_at = datetime(2024, 3, 19, 9, 30, tzinfo=GENEVA)
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=7))
    time_zone = "Europe/Zurich"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingDocument

    meeting = factory.SubFactory(MeetingFactory)
    title = "Draft work plan"
    file = factory.LazyFunction(lambda: ContentFile(b"confidential paper", name="plan.txt"))


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.LazyFunction(
        lambda: {
            "en": "The Board adopted its terms of reference.",
            "fr": "Le Conseil a adopté son mandat.",
        }
    )
    method = "consensus"


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    organisation = factory.SubFactory(
        VerifiedOrganisationFactory, kind="member_state", itu_membership="member_state"
    )
    submitted_by = factory.SubFactory(UserFactory)
    nominee_name = factory.Sequence(lambda n: f"Nominee {n}")
    nominee_title = "Minister of ICT"
    nominee_email = factory.Sequence(lambda n: f"nominee{n}@gov.test")
    biography = "A long career in digital policy."
    cv = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 cv", name="cv.pdf"))
    proposed_term_start = date(2027, 1, 1)
    proposed_term_end = date(2029, 12, 31)


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Expert {n}")
    email = factory.Sequence(lambda n: f"expert{n}@experts.test")
    languages = ",en,"
    status = "approved"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
