"""The monitoring questionnaire, versioned in code.

A round names the version it asks (``Round.questionnaire_version``); answers are stored as a JSON object
keyed by question. A later year adds a version with more questions instead of changing an old one, so
answers given to an earlier version keep their meaning, stay valid and are shown with that version's
labels. Results compare years on the questions both versions share (same key = same meaning: never reuse a
key for a different question).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MAX_PEOPLE = 100_000


class Kind:
    COUNT = "count"  # whole people
    FTE = "fte"  # full-time equivalents, two decimals
    PERCENT = "percent"  # a share between 0 and 100
    BAND = "band"  # one of REVENUE_BANDS
    CHOICES = "choices"  # several of RECIPIENTS
    TEXT = "text"


REVENUE_BANDS = [
    ("brak", _("brak przychodów")),
    ("do-100k", _("do 100 tys. zł")),
    ("100k-500k", _("od 100 tys. do 500 tys. zł")),
    ("500k-1m", _("od 500 tys. do 1 mln zł")),
    ("1m-5m", _("od 1 mln do 5 mln zł")),
    ("ponad-5m", _("ponad 5 mln zł")),
]

RECIPIENTS = [
    ("niepelnosprawni", _("osoby z niepełnosprawnościami")),
    ("seniorzy", _("osoby starsze")),
    ("dzieci-mlodziez", _("dzieci i młodzież")),
    ("rodziny", _("rodziny")),
    ("bezrobotni", _("osoby bezrobotne")),
    ("mieszkancy", _("mieszkańcy gminy lub powiatu")),
    ("firmy", _("firmy")),
    ("samorzad", _("samorząd i instytucje publiczne")),
]


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    help_text: str
    kind: str
    section: str
    required: bool = True
    max_length: int = 0

    @property
    def is_number(self):
        return self.kind in (Kind.COUNT, Kind.FTE, Kind.PERCENT)


@dataclass(frozen=True)
class Section:
    key: str
    title: str


SECTIONS = [
    Section("zatrudnienie", _("Zatrudnienie")),
    Section("wykluczenie", _("Osoby zagrożone wykluczeniem społecznym wśród zatrudnionych")),
    Section("wolontariat", _("Wolontariat")),
    Section("finanse", _("Przychody i nadwyżka")),
    Section("uslugi", _("Usługi i wpływ społeczny")),
]

# Categories of the act on social employment (ustawa o zatrudnieniu socjalnym, art. 1) to which the act on
# the social economy (art. 2 pkt 6) refers, plus people with disabilities; "others" for the rest of its list.
AT_RISK = [
    ("ryzyko_niepelnosprawni", _("osoby z niepełnosprawnościami")),
    ("ryzyko_dlugotrwale_bezrobotni", _("osoby długotrwale bezrobotne")),
    ("ryzyko_bezdomni", _("osoby bezdomne")),
    ("ryzyko_po_terapii_uzaleznien", _("osoby po terapii uzależnień")),
    ("ryzyko_po_wiezieniu", _("osoby zwalniane z zakładów karnych")),
    ("ryzyko_uchodzcy", _("uchodźcy i cudzoziemcy objęci ochroną")),
    ("ryzyko_pieczy_zastepczej", _("osoby opuszczające pieczę zastępczą")),
    ("ryzyko_inne", _("inne osoby zagrożone wykluczeniem")),
]
AT_RISK_KEYS = [key for key, _label in AT_RISK]
AT_RISK_HELP = _(
    "Liczba osób z tej grupy zatrudnionych na 31 grudnia. Każdą osobę licz tylko raz, w grupie, która ją "
    "najlepiej opisuje, tak by suma grup nie przekroczyła liczby zatrudnionych."
)

QUESTIONS_V1 = [
    Question(
        "zatrudnieni",
        _("Liczba osób zatrudnionych"),
        _(
            "Osoby zatrudnione na 31 grudnia roku sprawozdawczego na umowę o pracę lub spółdzielczą umowę o "
            "pracę, bez wolontariuszy. Liczba całkowita od 0."
        ),
        Kind.COUNT,
        "zatrudnienie",
    ),
    Question(
        "etaty",
        _("Zatrudnienie w przeliczeniu na pełne etaty"),
        _(
            "Suma wymiarów etatu tych osób, np. dwie osoby na pół etatu to 1,00. Nie więcej niż liczba osób "
            "zatrudnionych; do dwóch miejsc po przecinku."
        ),
        Kind.FTE,
        "zatrudnienie",
    ),
    *[Question(key, label, AT_RISK_HELP, Kind.COUNT, "wykluczenie") for key, label in AT_RISK],
    Question(
        "wolontariusze",
        _("Liczba wolontariuszy"),
        _("Osoby, które w roku sprawozdawczym pracowały jako wolontariusze na podstawie porozumienia. Od 0."),
        Kind.COUNT,
        "wolontariat",
    ),
    Question(
        "przychody",
        _("Przychody ogółem w roku sprawozdawczym"),
        _("Wybierz przedział, w którym mieszczą się wszystkie przychody organizacji (także dotacje)."),
        Kind.BAND,
        "finanse",
    ),
    Question(
        "udzial_rynkowy",
        _("Udział przychodów z działalności rynkowej (%)"),
        _(
            "Jaka część przychodów pochodzi ze sprzedaży produktów i usług (także zamówień publicznych), a nie "
            "z dotacji i darowizn. Liczba od 0 do 100."
        ),
        Kind.PERCENT,
        "finanse",
    ),
    Question(
        "nadwyzka_reinwestowana",
        _("Część nadwyżki przeznaczona na cele społeczne (%)"),
        _(
            "Jaka część nadwyżki (zysku) z roku sprawozdawczego została przeznaczona na reintegrację, usługi "
            "społeczne lub rozwój organizacji zamiast podziału. Liczba od 0 do 100; wpisz 0, jeśli nadwyżki "
            "nie było."
        ),
        Kind.PERCENT,
        "finanse",
    ),
    Question(
        "uslugi",
        _("Główne usługi i produkty"),
        _("Krótko: co organizacja robiła w roku sprawozdawczym, np. „catering dla szkół, sprzątanie”."),
        Kind.TEXT,
        "uslugi",
        max_length=500,
    ),
    Question(
        "odbiorcy",
        _("Odbiorcy usług"),
        _("Zaznacz wszystkie grupy, do których trafiały usługi lub produkty organizacji."),
        Kind.CHOICES,
        "uslugi",
    ),
    Question(
        "wplyw_spoleczny",
        _("Wpływ społeczny"),
        _(
            "Co w roku sprawozdawczym zmieniło się dzięki organizacji w życiu zatrudnionych osób lub "
            "społeczności? Podaj przykład. Ta odpowiedź nie jest publikowana."
        ),
        Kind.TEXT,
        "uslugi",
        required=False,
        max_length=2000,
    ),
]

# 2025 adds the reintegration outcome; everything else keeps its key and meaning.
QUESTIONS_V2 = [
    *QUESTIONS_V1[: 2 + len(AT_RISK)],
    Question(
        "przejscia_na_rynek_pracy",
        _("Osoby, które przeszły na otwarty rynek pracy"),
        _(
            "Ile osób zagrożonych wykluczeniem zakończyło w roku sprawozdawczym zatrudnienie w organizacji, "
            "bo podjęło pracę u innego pracodawcy lub własną działalność. Od 0."
        ),
        Kind.COUNT,
        "wykluczenie",
    ),
    *QUESTIONS_V1[2 + len(AT_RISK) :],
]


@dataclass(frozen=True)
class Questionnaire:
    version: int
    name: str
    questions: list[Question] = field(default_factory=list)

    def question(self, key):
        return next(question for question in self.questions if question.key == key)

    def question_keys(self):
        return [question.key for question in self.questions]

    def sections(self):
        """(section, its questions) in order, for fieldsets."""
        return [
            (section, [q for q in self.questions if q.section == section.key])
            for section in SECTIONS
            if any(q.section == section.key for q in self.questions)
        ]

    def errors_across_fields(self, values: dict) -> dict:
        """Rules that tie answers together, as {key: message}. Values are cleaned (numbers, not text)."""
        errors = {}
        total = values.get("zatrudnieni")
        fte = values.get("etaty")
        if total is not None and fte is not None and fte > total:
            errors["etaty"] = _("Etatów nie może być więcej niż osób zatrudnionych (%(total)s).") % {
                "total": total
            }
        if total is not None and fte is not None and total > 0 and fte == 0:
            errors["etaty"] = _("Przy zatrudnionych osobach liczba etatów musi być większa od zera.")
        at_risk = [values[key] for key in AT_RISK_KEYS if values.get(key) is not None]
        if total is not None and sum(at_risk) > total:
            errors["ryzyko_inne"] = _(
                "Suma osób we wszystkich grupach (%(sum)s) przekracza liczbę osób zatrudnionych (%(total)s). "
                "Każdą osobę licz tylko raz."
            ) % {"sum": sum(at_risk), "total": total}
        market = values.get("udzial_rynkowy")
        if values.get("przychody") == "brak" and market not in (None, Decimal(0)):
            errors["udzial_rynkowy"] = _("Bez przychodów udział przychodów rynkowych wynosi 0.")
        return errors


QUESTIONNAIRES = {
    1: Questionnaire(1, _("wersja 1 (2024)"), QUESTIONS_V1),
    2: Questionnaire(2, _("wersja 2 (2025): przejścia na otwarty rynek pracy"), QUESTIONS_V2),
}
LATEST_VERSION = max(QUESTIONNAIRES)
VERSION_CHOICES = [(version, q.name) for version, q in QUESTIONNAIRES.items()]


def questionnaire(version: int) -> Questionnaire:
    return QUESTIONNAIRES[version]


def at_risk_total(answers: dict) -> int:
    return sum(int(answers.get(key) or 0) for key in AT_RISK_KEYS)
