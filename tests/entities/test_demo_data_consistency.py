"""The demo registry reads like a real one: unique names, postal codes of the entity's area, years that agree
and descriptions that fit the legal form and the sectors."""

import re

import pytest
from django.core.management import call_command

from entities.demo import FIRST_YEAR, FORM_DESCRIPTIONS, POSTAL_PREFIXES
from entities.models import Entity, Powiat

pytestmark = pytest.mark.django_db


def seeded(count):
    call_command("seed_demo", entities=count, force=True, verbosity=0, no_editor=True)
    return list(Entity.objects.select_related("gmina").prefetch_related("sectors", "ps_statuses"))


def test_every_powiat_has_postal_code_prefixes():
    assert set(POSTAL_PREFIXES) == set(Powiat.objects.values_list("teryt", flat=True))


def check_names_are_unique(demo_entities):
    names = [entity.name for entity in demo_entities]
    assert len(set(names)) == len(names) == 300


def check_postal_codes_belong_to_the_powiat_of_the_gmina(demo_entities):
    for entity in demo_entities:
        assert re.fullmatch(r"\d\d-\d\d\d", entity.postal_code), entity.postal_code
        prefixes = POSTAL_PREFIXES[entity.gmina.teryt[:4]]
        assert entity.postal_code.startswith(tuple(prefixes)), (entity.name, entity.postal_code, entity.gmina)


def check_years_agree_with_the_description_the_legal_form_and_the_ps_status(demo_entities):
    for entity in demo_entities:
        years_named = {int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", entity.description)}
        assert years_named == {entity.year_founded}, (entity.name, entity.description, entity.year_founded)
        assert FIRST_YEAR.get(entity.legal_form, 1990) <= entity.year_founded <= 2024
        for status in entity.ps_statuses.all():
            assert status.decision_date.year > entity.year_founded
            assert status.valid_from >= status.decision_date


def check_descriptions_fit_the_legal_form_town_and_sectors(demo_entities):
    for entity in demo_entities:
        opening = FORM_DESCRIPTIONS[entity.legal_form].split(",")[0].split(" {year}")[0]
        assert entity.description.startswith(opening), (entity.legal_form, entity.description)
        assert f"w gminie {entity.town}" in entity.description
        for sector in entity.sectors.all():
            assert sector.name in entity.description


def check_the_town_is_the_gmina_and_the_name_carries_it_when_it_is_a_local_unit(demo_entities):
    for entity in demo_entities:
        assert entity.town == entity.gmina.name
        if entity.legal_form in ("kgw", "cis", "kis", "wtz", "zaz"):
            assert entity.name.endswith(f"– {entity.town}")


def check_most_demo_entities_have_a_logo_file(demo_entities, settings):
    with_logo = [entity for entity in demo_entities if entity.logo]
    assert len(with_logo) == 200
    assert all((settings.MEDIA_ROOT / entity.logo.name).is_file() for entity in with_logo[:5])


# Seeding draws the logos, which takes seconds: the 300 entities of `make run` are seeded once and checked
# for every rule.
def test_the_300_demo_entities_of_make_run_are_consistent_and_plausible(settings):
    demo_entities = seeded(300)
    check_names_are_unique(demo_entities)
    check_postal_codes_belong_to_the_powiat_of_the_gmina(demo_entities)
    check_years_agree_with_the_description_the_legal_form_and_the_ps_status(demo_entities)
    check_descriptions_fit_the_legal_form_town_and_sectors(demo_entities)
    check_the_town_is_the_gmina_and_the_name_carries_it_when_it_is_a_local_unit(demo_entities)
    check_most_demo_entities_have_a_logo_file(demo_entities, settings)


def test_seeding_after_an_older_version_does_not_create_the_same_numbers_again():
    seeded(20)
    Entity.objects.filter(slug__endswith="-1").update(name="Nazwa z dawnej wersji danych")
    seeded(21)
    assert Entity.objects.count() == 21
    assert len(set(Entity.objects.values_list("name", flat=True))) == 21
