import pytest
from django.core.exceptions import ValidationError

from entities.identifiers import normalize_krs, normalize_nip, normalize_postal_code, normalize_regon
from tests.factories import EntityFactory


@pytest.mark.parametrize(
    "typed", ["8567346215", "856-734-62-15", "PL 856-734-62-15", "pl8567346215", " 856 734 62 15 "]
)
def test_it_accepts_a_valid_nip_with_or_without_separators(typed):
    assert normalize_nip(typed) == "8567346215"


@pytest.mark.parametrize("typed", ["8567346216", "856-734-62-10"])
def test_it_refuses_a_nip_with_a_wrong_check_digit_in_polish(typed):
    with pytest.raises(ValidationError) as error:
        normalize_nip(typed)
    assert "cyfrę kontrolną" in error.value.messages[0]


@pytest.mark.parametrize("typed", ["856734621", "85673462155", "85673462AB", "DE 856-734-62-15"])
def test_it_refuses_a_nip_of_the_wrong_shape(typed):
    with pytest.raises(ValidationError, match="10 cyfr"):
        normalize_nip(typed)


def test_it_refuses_a_nip_whose_remainder_is_ten():
    # 1234567890: weighted sum mod 11 is 10, which no NIP may have.
    with pytest.raises(ValidationError):
        normalize_nip("1234567890")


@pytest.mark.parametrize(("typed", "stored"), [("192598184", "192598184"), ("192-598-184", "192598184")])
def test_it_accepts_a_valid_regon_9(typed, stored):
    assert normalize_regon(typed) == stored


def test_it_accepts_a_valid_regon_14():
    assert normalize_regon("12345678512347") == "12345678512347"
    assert normalize_regon("1234 5678 5123 47") == "12345678512347"


@pytest.mark.parametrize("typed", ["192598185", "12345678512348"])
def test_it_refuses_a_regon_with_a_wrong_check_digit(typed):
    with pytest.raises(ValidationError, match="cyfrę kontrolną"):
        normalize_regon(typed)


def test_it_refuses_a_regon_14_whose_first_nine_digits_are_not_a_regon():
    # 123456789 is not a valid REGON-9 (check digit should be 5).
    with pytest.raises(ValidationError, match="Pierwsze 9 cyfr"):
        normalize_regon("12345678912347")


@pytest.mark.parametrize("typed", ["12345678", "1925981840", "abcdefghi"])
def test_it_refuses_a_regon_of_the_wrong_length(typed):
    with pytest.raises(ValidationError, match="9 albo 14"):
        normalize_regon(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0000123456", "0000123456"), ("123456", "0000123456"), ("0000-123-456", "0000123456")],
)
def test_it_zero_pads_krs(typed, stored):
    assert normalize_krs(typed) == stored


@pytest.mark.parametrize("typed", ["12345678901", "KRS12345", "0000000000"])
def test_it_refuses_a_malformed_krs(typed):
    with pytest.raises(ValidationError, match="KRS"):
        normalize_krs(typed)


@pytest.mark.parametrize(
    ("typed", "stored"), [("31-123", "31-123"), ("31123", "31-123"), ("31 123", "31-123")]
)
def test_it_normalises_a_postal_code(typed, stored):
    assert normalize_postal_code(typed) == stored


@pytest.mark.parametrize("typed", ["3112", "311234", "ab-cde"])
def test_it_refuses_a_malformed_postal_code(typed):
    with pytest.raises(ValidationError, match="NN-NNN"):
        normalize_postal_code(typed)


@pytest.mark.django_db
def test_an_entity_stores_identifiers_normalised():
    entity = EntityFactory(nip="PL 856-734-62-15", regon="192-598-184", krs="123456", postal_code="31123")
    entity.refresh_from_db()
    assert (entity.nip, entity.regon, entity.krs, entity.postal_code) == (
        "8567346215",
        "192598184",
        "0000123456",
        "31-123",
    )
    assert entity.nip_display == "856-734-62-15"


@pytest.mark.django_db
def test_identifiers_are_optional_and_blank_ones_do_not_collide():
    first = EntityFactory(nip="", regon="", krs="")
    second = EntityFactory(nip="", regon="", krs="")
    first.refresh_from_db()
    assert first.nip is None and second.pk != first.pk


@pytest.mark.django_db
def test_model_validation_reports_a_duplicate_nip_in_polish():
    EntityFactory(nip="8567346215")
    duplicate = EntityFactory.build(nip="856-734-62-15")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "nip" in error.value.message_dict
