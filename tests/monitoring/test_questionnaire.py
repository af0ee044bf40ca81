"""Validation of every question, the rules across answers, drafts and versions."""

import pytest

from monitoring.forms import QuestionnaireForm, answers_are_complete, as_form_data
from monitoring.questionnaire import AT_RISK_KEYS, QUESTIONNAIRES, questionnaire
from tests.factories import valid_answers

V1 = questionnaire(1)


def _sent(**changes):
    answers = valid_answers(**changes)
    answers = {key: value for key, value in answers.items() if value is not None}
    return QuestionnaireForm(V1, data=as_form_data(answers), final=True)


def test_complete_consistent_answers_are_accepted():
    form = _sent()
    assert form.is_valid(), form.errors
    assert form.answers()["etaty"] == "8.5"
    assert form.answers()["zatrudnieni"] == 10


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("zatrudnieni", "-1"),
        ("zatrudnieni", "2.5"),
        ("zatrudnieni", "abc"),
        ("zatrudnieni", "100001"),
        ("etaty", "-0.5"),
        ("etaty", "1.234"),
        ("ryzyko_niepelnosprawni", "-2"),
        ("wolontariusze", "-1"),
        ("udzial_rynkowy", "100.5"),
        ("udzial_rynkowy", "-1"),
        ("nadwyzka_reinwestowana", "101"),
        ("nadwyzka_reinwestowana", "sto"),
        ("przychody", "milion"),
        ("odbiorcy", ["kosmici"]),
        ("uslugi", "x" * 501),
        ("wplyw_spoleczny", "x" * 2001),
    ],
)
def test_each_question_rejects_what_it_cannot_mean(key, value):
    form = _sent(**{key: value})
    assert not form.is_valid()
    assert key in form.errors


@pytest.mark.parametrize("key", [q.key for q in V1.questions if q.required])
def test_sending_needs_every_required_answer(key):
    form = _sent(**{key: None})
    assert not form.is_valid()
    assert key in form.errors


def test_the_open_question_about_impact_is_optional():
    assert _sent(wplyw_spoleczny=None).is_valid()


def test_shares_accept_a_polish_decimal_comma_and_the_bounds():
    assert _sent(udzial_rynkowy="0", nadwyzka_reinwestowana="100").is_valid()
    form = _sent(udzial_rynkowy="62,5", etaty="7,25")
    assert form.is_valid(), form.errors
    assert form.answers()["udzial_rynkowy"] == "62.5"
    assert form.answers()["etaty"] == "7.25"


def test_full_time_equivalents_cannot_exceed_the_headcount():
    form = _sent(
        zatrudnieni=4,
        etaty="4.5",
        ryzyko_niepelnosprawni=1,
        ryzyko_dlugotrwale_bezrobotni=1,
        ryzyko_po_wiezieniu=0,
    )
    assert not form.is_valid()
    assert "Etatów nie może być więcej" in form.errors["etaty"][0]


def test_people_employed_need_some_full_time_equivalent():
    assert "etaty" in _sent(etaty="0").errors


def test_the_groups_at_risk_cannot_add_up_to_more_than_the_headcount():
    form = _sent(
        zatrudnieni=5,
        etaty="5",
        ryzyko_niepelnosprawni=3,
        ryzyko_dlugotrwale_bezrobotni=2,
        ryzyko_po_wiezieniu=1,
    )
    assert not form.is_valid()
    assert "przekracza liczbę osób zatrudnionych" in form.errors["ryzyko_inne"][0]
    equal = _sent(
        zatrudnieni=6,
        etaty="5",
        ryzyko_niepelnosprawni=3,
        ryzyko_dlugotrwale_bezrobotni=2,
        ryzyko_po_wiezieniu=1,
    )
    assert equal.is_valid(), equal.errors


def test_no_revenue_means_no_market_share():
    assert "udzial_rynkowy" in _sent(przychody="brak", udzial_rynkowy="30").errors
    assert _sent(przychody="brak", udzial_rynkowy="0").is_valid()


def test_a_draft_may_be_incomplete_but_each_answer_must_still_be_valid():
    draft = QuestionnaireForm(V1, data=as_form_data({"zatrudnieni": 3}), final=False)
    assert draft.is_valid(), draft.errors
    assert draft.answers() == {"zatrudnieni": 3}
    wrong = QuestionnaireForm(V1, data=as_form_data({"udzial_rynkowy": "150"}), final=False)
    assert not wrong.is_valid()


def test_every_question_has_a_polish_help_text():
    for version in QUESTIONNAIRES.values():
        for question in version.questions:
            assert len(str(question.help_text)) > 20, question.key
            assert str(question.label)


def test_a_later_version_adds_questions_without_breaking_earlier_answers():
    v2 = questionnaire(2)
    assert set(V1.question_keys()) < set(v2.question_keys())
    assert "przejscia_na_rynek_pracy" in v2.question_keys()
    # Answers given to version 1 stay complete under version 1, whatever version 2 asks.
    assert answers_are_complete(V1, valid_answers())
    assert not answers_are_complete(v2, valid_answers())
    assert answers_are_complete(v2, valid_answers(przejscia_na_rynek_pracy=1))


def test_the_groups_at_risk_follow_the_act():
    assert {
        "ryzyko_niepelnosprawni",
        "ryzyko_dlugotrwale_bezrobotni",
        "ryzyko_bezdomni",
        "ryzyko_po_wiezieniu",
    } <= set(AT_RISK_KEYS)
