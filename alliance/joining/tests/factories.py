import factory

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.joining.models import ExpressionOfInterest, PreliminaryAssessment
from alliance.joining.sections import section_status

COMPLETE_PILLARS = {
    code: {"rating": rating, "evidence": f"Evidence for {code}."}
    for code, rating in [
        ("vision", "adequate"),
        ("talent", "some"),
        ("infrastructure", "some"),
        ("capital", "inadequate"),
        ("market", "some"),
        ("culture", "adequate"),
        ("policy", "adequate"),
    ]
}


class ExpressionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpressionOfInterest

    organisation = factory.SubFactory(OrganisationFactory)
    status = "draft"
    instruments = factory.LazyFunction(lambda: ["host_centre"])
    scope = "national"
    motivation = "We want to grow our digital innovation ecosystem."
    contact_name = "Thoko Phiri"
    contact_email = "focal@ministry.test"


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreliminaryAssessment
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    expression = factory.LazyAttribute(
        lambda o: ExpressionFactory(organisation=o.organisation, status="converted")
    )
    status = "draft"

    class Params:
        complete = factory.Trait(
            pillars=factory.LazyFunction(lambda: dict(COMPLETE_PILLARS)),
            human_resources=factory.LazyFunction(
                lambda: [{"role": "Centre manager", "fte": 1.0}, {"role": "Analyst", "fte": 2.0}]
            ),
            annual_budget_usd=300_000,
            funding_sources=factory.LazyFunction(lambda: ["government"]),
            years_secured=3,
            objectives=factory.LazyFunction(lambda: ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"]),
            scope="national",
            ownership="country",
            sponsor="host_country",
            flagship_initiatives=2,
        )

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        self.section_status = {
            s: section_status(self, s) for s in ["ecosystem", "human", "financial", "profile"]
        }
        if create:
            self.save(update_fields=["section_status"])


def complete_assessment_data():
    return {
        "ecosystem": {
            **{f"{c}_rating": v["rating"] for c, v in COMPLETE_PILLARS.items()},
            **{f"{c}_evidence": v["evidence"] for c, v in COMPLETE_PILLARS.items()},
        },
        "human": {"role_1": "Centre manager", "fte_1": "1", "role_2": "Analyst", "fte_2": "2"},
        "financial": {
            "annual_budget_usd": "300000",
            "funding_sources": ["government"],
            "years_secured": "3",
        },
        "profile": {
            "objectives": ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"],
            "scope": "national",
            "ownership": "country",
            "sponsor": "host_country",
            "flagship_initiatives": "2",
        },
    }
