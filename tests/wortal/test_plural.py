import pytest

from wortal.templatetags.wortal_tags import plural_pl

FORMS = "podmiot,podmioty,podmiotów"


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (0, "podmiotów"),
        (1, "podmiot"),
        (2, "podmioty"),
        (4, "podmioty"),
        (5, "podmiotów"),
        (12, "podmiotów"),
        (14, "podmiotów"),
        (22, "podmioty"),
        (25, "podmiotów"),
        (101, "podmiotów"),
        (112, "podmiotów"),
        (1003, "podmioty"),
    ],
)
def test_it_picks_the_polish_plural_form(number, word):
    assert plural_pl(number, FORMS) == word


def test_it_tolerates_a_non_number():
    assert plural_pl("abc", FORMS) == ""
