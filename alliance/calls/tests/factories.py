from datetime import timedelta

import factory
from django.utils import timezone

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.calls.models import Application, Call, Criterion, Question, ReviewAssignment
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.centres.models import CentreType


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"call-{n}")
    title = factory.Sequence(
        lambda n: {
            "en": f"Call for regional acceleration centres {n}",
            "fr": f"Appel à candidatures pour centres régionaux {n}",
        }
    )
    summary = factory.LazyFunction(
        lambda: {
            "en": "Host a regional acceleration centre.",
            "fr": "Accueillir un centre d'accélération régional.",
        }
    )
    text = factory.LazyFunction(
        lambda: {"en": "Full text of the call.", "fr": "Texte complet de l'appel."}
    )
    scopes = factory.LazyFunction(lambda: ["regional", "national"])
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    status = CallStatus.OPEN

    @factory.post_generation
    def centre_types(self, create, extracted, **kwargs):
        if create:
            self.centre_types.set(extracted if extracted is not None else CentreType.objects.all())

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for i, (title, weight) in enumerate(
            extracted or [("Relevance", 40), ("Capacity", 35), ("Sustainability", 25)], start=1
        ):
            Criterion.objects.create(
                call=self, order=i, title={"en": title, "fr": title}, weight=weight
            )


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    kind = "short_text"
    label = factory.Sequence(lambda n: {"en": f"Question {n}", "fr": f"Question {n} (fr)"})
    required = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = ApplicationStatus.DRAFT
    proposed_centre_type = factory.LazyFunction(
        lambda: (
            CentreType.objects.get(code="DIGITAL_TRANSFORMATION")
            if CentreType.objects.filter(code="DIGITAL_TRANSFORMATION").exists()
            else CentreType.objects.first()
        )
    )
    proposed_scope = "regional"
    host_institution = "Host institute"
    flagship_initiatives = "Regulatory sandbox for fintech."
    human_resources_plan = "Five staff."
    financial_resources_plan = "USD 500,000 over three years."


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    application = factory.SubFactory(
        ApplicationFactory, status=ApplicationStatus.IN_REVIEW, call__status=CallStatus.IN_REVIEW
    )
    reviewer = None
    due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
