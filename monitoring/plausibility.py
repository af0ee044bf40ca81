"""Values an editor should look at twice before accepting: not errors (the form rejects those), but answers
that are possible and unlikely, such as a typo that adds a zero."""

from decimal import Decimal

from django.utils.translation import gettext as _

from monitoring.stats import to_number

MANY_EMPLOYEES = 300
YEAR_ON_YEAR_FACTOR = 3


def flags(answers: dict, previous: dict | None = None) -> dict[str, str]:
    """{question key: why it looks unlikely}."""
    found = {}
    employees = to_number(answers.get("zatrudnieni"))
    fte = to_number(answers.get("etaty"))
    if employees is not None and employees > MANY_EMPLOYEES:
        found["zatrudnieni"] = _("Ponad %(n)s zatrudnionych: czy to nie liczba odbiorców?") % {
            "n": MANY_EMPLOYEES
        }
    if employees and fte is not None and employees >= 4 and fte < employees / 4:
        found["etaty"] = _("Średnio mniej niż ćwierć etatu na osobę.")
    volunteers = to_number(answers.get("wolontariusze"))
    if volunteers is not None and volunteers > 200 and volunteers > 10 * (employees or 0):
        found["wolontariusze"] = _("Wolontariuszy ponad dziesięć razy więcej niż zatrudnionych.")
    if answers.get("przychody") == "ponad-5m" and employees is not None and employees < 3:
        found["przychody"] = _("Przychody ponad 5 mln zł przy mniej niż 3 zatrudnionych.")
    before = to_number((previous or {}).get("zatrudnieni"))
    if employees is not None and before and max(employees, before) >= 5:
        ratio = employees / before if employees else Decimal(0)
        if ratio >= YEAR_ON_YEAR_FACTOR or ratio <= Decimal(1) / YEAR_ON_YEAR_FACTOR:
            found.setdefault(
                "zatrudnieni",
                _("Przed rokiem %(before)s zatrudnionych: zmiana ponad trzykrotna.") % {"before": before},
            )
    return found
