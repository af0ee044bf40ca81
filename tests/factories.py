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


# --- Content: news, films, events, initiatives ---------------------------------------------------------


def image_upload(name="zdjecie.jpg", size=(1200, 800), color="#0a4b80"):
    """A real JPEG in memory, as an editor would upload it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Category"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Post"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Wiadomość numer {n}")
    lead = "Krótko o tym, co się wydarzyło w ekonomii społecznej."
    body = "<p>Treść wiadomości.</p>"
    is_published = True
    published_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Film"

    title = factory.Sequence(lambda n: f"Film numer {n}")
    description = "<p>Opis filmu.</p>"
    external_url = "https://www.youtube.com/watch?v=Xq3vR8pLm2A"
    transcript = "Narrator: tekst filmu."
    is_published = True
    published_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(hours=1))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Event"

    title = factory.Sequence(lambda n: f"Spotkanie numer {n}")
    description = "<p>Program spotkania.</p>"
    start = factory.LazyFunction(lambda: _now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    address = "ul. Basztowa 22"
    gmina = factory.LazyFunction(lambda: gmina("126101"))
    organiser_name = "Regionalny ośrodek polityki społecznej"
    is_published = True
    published_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(hours=1))


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "initiatives.Initiative"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Inicjatywa numer {n}")
    summary = "Organizacje wspólnie pomagają mieszkańcom."
    description = "<p>Opis inicjatywy.</p>"
    theme = "zatrudnienie"
    start_date = datetime.date(2024, 3, 1)
    state = "published"

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.set(extracted)

    @factory.post_generation
    def powiaty(self, create, extracted, **kwargs):
        if create and extracted:
            self.powiaty.set(extracted)


class InitiativePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "initiatives.InitiativePhoto"

    initiative = factory.SubFactory(InitiativeFactory)
    image = factory.LazyFunction(image_upload)
    alt = "Uczestnicy przy wspólnym stole"


def _now():
    from django.utils import timezone

    return timezone.now()


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


# Editors' panel (issue 5): people with the roles given by the groups, not superusers.
def staff_in_group(username: str, group: str):
    from django.contrib.auth.models import Group

    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def redaktor(username="redaktor-grupa"):
    return staff_in_group(username, "Redaktor")


# Members' initiative reports (issue 4). Personas: see tests/entities/conftest.py.


class InitiativeSubmissionFactory(factory.django.DjangoModelFactory):
    """A proposed change to a published initiative (kind "change")."""

    class Meta:
        model = "initiatives.InitiativeSubmission"

    kind = "change"
    initiative = factory.SubFactory(InitiativeFactory)
    entity = factory.SubFactory(EntityFactory)
    submitted_by = factory.SubFactory(UserFactory)
    data = factory.LazyFunction(lambda: {"summary": "Nowe streszczenie inicjatywy."})


# Two-factor sign-in for staff (issue 5). allauth signs in only with a verified e-mail address.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def verified_email(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def with_totp(user, secret=TOTP_SECRET):
    """Give the account an authenticator app and recovery codes; returns the unused recovery codes."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return RecoveryCodes.activate(user).get_unused_codes()


def totp_code(secret=TOTP_SECRET):
    """The code the person's authenticator app shows now."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    # allauth accepts only the current 30-second window: a code taken in its last seconds may expire before a
    # slow (browser) test submits it, so wait for the next window then.
    if time.time() % 30 > 24:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


# Monitoring of social enterprises (issue 16).


def valid_answers(**changes):
    """A complete, consistent questionnaire (version 1) as stored."""
    answers = {
        "zatrudnieni": 10,
        "etaty": "8.5",
        "ryzyko_niepelnosprawni": 3,
        "ryzyko_dlugotrwale_bezrobotni": 2,
        "ryzyko_bezdomni": 0,
        "ryzyko_po_terapii_uzaleznien": 0,
        "ryzyko_po_wiezieniu": 1,
        "ryzyko_uchodzcy": 0,
        "ryzyko_pieczy_zastepczej": 0,
        "ryzyko_inne": 0,
        "wolontariusze": 4,
        "przychody": "100k-500k",
        "udzial_rynkowy": "60",
        "nadwyzka_reinwestowana": "100",
        "uslugi": "Catering dla szkół",
        "odbiorcy": ["dzieci-mlodziez", "mieszkancy"],
        "wplyw_spoleczny": "Dwie osoby znalazły stałą pracę.",
    }
    answers.update(changes)
    return answers


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "monitoring.Round"

    year = factory.Sequence(lambda n: 2010 + n)
    questionnaire_version = 1
    opens_on = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: _today() + datetime.timedelta(days=20))
    invitation_text = "Zapraszamy do corocznego monitoringu."
    state = "open"


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "monitoring.Report"

    round = factory.SubFactory(RoundFactory)
    entity = factory.SubFactory(EntityFactory)
    state = "invited"


def accepted_report(round_, entity, **answers):
    """Answers an editor accepted, placed where the entity stands now (as acceptance does)."""
    return ReportFactory(
        round=round_,
        entity=entity,
        state="accepted",
        answers=valid_answers(**answers),
        powiat=entity.gmina.powiat,
        legal_form=entity.legal_form,
        sector=entity.sectors.first(),
    )


def _today():
    from django.utils import timezone

    return timezone.localdate()


# Knowledge library (issue 14).
def pdf_upload(name="raport.pdf", title="Raport testowy", text="Treść raportu o spółdzielniach socjalnych."):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from knowledge.demo import make_pdf

    return SimpleUploadedFile(name, make_pdf(title, [("Rozdział", text)]), content_type="application/pdf")


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Publication"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publikacja testowa {n}")
    kind = "raport"
    authors = "Zespół badawczy"
    year = 2025
    summary = "<p>Najważniejsze wnioski z badania.</p>"
    is_published = True
    published_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(days=1))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


def publication_file(publication, upload=None, label="Pełny raport"):
    """A file added as the admin adds it: content checked, stored, text extracted."""
    from knowledge.forms import PublicationFileForm

    form = PublicationFileForm(
        {"label": label, "position": 0}, {"file": upload or pdf_upload()}, instance=None
    )
    assert form.is_valid(), form.errors
    document = form.save(commit=False)
    document.publication = publication
    document.save()
    document.extract()
    return document
