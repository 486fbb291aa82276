import factory

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.lab.models import TechnicalAssistanceRequest


class AssistanceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TechnicalAssistanceRequest

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "preliminary_review"
    description = "Help us rate our ecosystem pillars."
    urgency = "normal"
    preferred_language = "en"
