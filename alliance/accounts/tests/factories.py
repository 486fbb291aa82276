import factory
from allauth.account.models import EmailAddress

from alliance.accounts.models import (
    ItuMember,
    ItuVerification,
    Membership,
    MembershipRole,
    Organisation,
    User,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    full_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "regulator"
    country = "MW"
    itu_membership = "sector_member"


class VerifiedOrganisationFactory(OrganisationFactory):
    """An organisation whose ITU membership the secretariat has checked."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            verify_membership(self)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER


def verify_membership(organisation, *, category=None):
    """The organisation as the secretariat checked it: linked to an entry of ITU's list of
    its category (the Member State's entry for a Member State)."""
    category = category or organisation.itu_membership
    key = str(organisation.country) if category == "member_state" else f"T-{organisation.pk}"
    entry, _created = ItuMember.objects.get_or_create(
        category=category,
        key=key,
        defaults={"name": organisation.name, "country": organisation.country},
    )
    Organisation.objects.filter(pk=organisation.pk).update(
        itu_entry=entry, itu_status=ItuVerification.VERIFIED, itu_membership=category
    )
    organisation.refresh_from_db()
    return organisation
