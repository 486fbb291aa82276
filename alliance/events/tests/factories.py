from datetime import timedelta

import factory
from django.utils import timezone

from alliance.accounts.tests.factories import UserFactory
from alliance.events.models import Event, Question, Registration


def _in_days(days: int, hours: int = 0):
    return lambda o: timezone.now().replace(microsecond=0) + timedelta(days=days, hours=hours)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: {"en": f"Community event {n}", "fr": f"Événement {n}"})
    description = {"en": "Meet the Alliance.", "fr": "Rencontrez l'Alliance."}
    kind = "webinar"
    format = "online"
    online_url = "https://meet.example.test/alliance"
    starts_at = factory.LazyAttribute(_in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    time_zone = "Europe/Zurich"
    capacity = 2
    languages = ",en,fr,"
    status = "published"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    text = {"en": "Your organisation's sector", "fr": "Le secteur de votre organisation"}
    required = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = "registered"


def joined(organisation):
    """Make the organisation one that joined the Alliance (its declaration in force)."""
    from alliance.centres.models import CentreType
    from alliance.joining.models import JointDeclaration
    from alliance.joining.tests.factories import AssessmentFactory

    assessment = AssessmentFactory(organisation=organisation, status="completed")
    return JointDeclaration.objects.create(
        organisation=organisation,
        assessment=assessment,
        centre_type=CentreType.objects.first(),
        scope="national",
        status="countersigned",
    )
