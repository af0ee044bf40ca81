"""Demo answers: plausible, valid and always the same for the same entity and year."""

import random
from decimal import Decimal

from monitoring.questionnaire import AT_RISK_KEYS, RECIPIENTS, REVENUE_BANDS, questionnaire

SERVICES = [
    "catering dla szkół i przedszkoli",
    "sprzątanie biur i klatek schodowych",
    "utrzymanie zieleni miejskiej",
    "usługi opiekuńcze dla osób starszych",
    "rękodzieło i sklep z lokalnymi produktami",
    "remonty mieszkań komunalnych",
    "szkolenia zawodowe i doradztwo",
]


def answers_for(entity_pk: int, year: int, version: int) -> dict:
    rng = random.Random(entity_pk * 10_000 + year)
    employees = rng.choice([0, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 25, 40])
    fte = Decimal(employees) * Decimal(rng.choice(["0.5", "0.75", "0.8", "1"]))
    at_risk = dict.fromkeys(AT_RISK_KEYS, 0)
    for _person in range(rng.randint(0, employees)):
        at_risk[rng.choice(AT_RISK_KEYS[:4] + AT_RISK_KEYS[-1:])] += 1
    band = rng.choice([key for key, _label in REVENUE_BANDS[1:5]])
    answers = {
        "zatrudnieni": employees,
        "etaty": format(fte.quantize(Decimal("0.01")).normalize(), "f"),
        **at_risk,
        "wolontariusze": rng.choice([0, 0, 2, 5, 8, 12, 20]),
        "przychody": band,
        "udzial_rynkowy": str(rng.choice([20, 35, 50, 60, 75, 90, 100])),
        "nadwyzka_reinwestowana": str(rng.choice([0, 50, 80, 100, 100])),
        "uslugi": rng.choice(SERVICES),
        "odbiorcy": sorted(rng.sample([key for key, _label in RECIPIENTS], 2)),
        "wplyw_spoleczny": "Dwie osoby po reintegracji znalazły stałą pracę.",
    }
    if "przejscia_na_rynek_pracy" in questionnaire(version).question_keys():
        answers["przejscia_na_rynek_pracy"] = rng.randint(0, 2)
    return answers
