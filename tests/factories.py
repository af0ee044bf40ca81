"""Factories and personas for the tests. Territory and sectors come from the data migrations."""

import datetime

import factory
from django.contrib.auth import get_user_model

from entities.demo import krs_for, nip_for, regon_for
from entities.models import Entity, Gmina, LegalForm, PSStatus, Sector


def gmina(teryt: str) -> Gmina:
    return Gmina.objects.select_related("powiat").get(teryt=teryt)


def sector(slug: str) -> Sector:
    return Sector.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"osoba{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("haslo-testowe-123")


class EditorFactory(UserFactory):
    username = "redaktorka"
    is_staff = True
    is_superuser = True


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Fundacja Testowa nr {n}")
    legal_form = LegalForm.FOUNDATION
    nip = factory.Sequence(lambda n: nip_for(500_000 + n))
    regon = factory.Sequence(lambda n: regon_for(500_000 + n))
    krs = factory.Sequence(lambda n: krs_for(500_000 + n))
    street = "ul. Długa 1"
    postal_code = "31-100"
    town = "Kraków"
    gmina = factory.LazyFunction(lambda: gmina("126101"))
    description = "Organizacja wspierająca osoby zagrożone wykluczeniem."
    state = Entity.State.PUBLISHED

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class PSStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PSStatus

    entity = factory.SubFactory(EntityFactory)
    decision_number = factory.Sequence(lambda n: f"WP-I.8511.{n}.2024")
    decision_date = datetime.date(2024, 3, 1)
    aim = PSStatus.Aim.REINTEGRATION
    valid_from = datetime.date(2024, 3, 1)


# Organisations' accounts and submissions (issue 3). Personas: see tests/entities/conftest.py.


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "entities.Membership"

    user = factory.SubFactory(UserFactory)
    entity = factory.SubFactory(EntityFactory)


def verified_user(email: str, password: str = "haslo-testowe-123"):
    """A person who signed up and confirmed their e-mail (allauth's record included)."""
    from allauth.account.models import EmailAddress

    user = UserFactory(username=email.split("@")[0], email=email, password=password)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def member_of(entity, email: str):
    user = verified_user(email)
    MembershipFactory(user=user, entity=entity)
    return user


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "entities.Claim"

    entity = factory.SubFactory(EntityFactory)
    submitted_by = factory.SubFactory(UserFactory)
    justification = "Jestem prezeską zarządu, telefon do biura 12 345 67 89."


class EntitySubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "entities.EntitySubmission"

    kind = "change"
    entity = factory.SubFactory(EntityFactory)
    submitted_by = factory.SubFactory(UserFactory)
    data = factory.LazyFunction(lambda: {"description": "Nowy opis organizacji."})
