"""The questionnaire as a Django form, built from its version's questions.

Two strengths: a draft checks each answer on its own (a number is a number, a share is 0–100) so a half-done
questionnaire can be saved; sending also asks for every required answer and the rules that tie answers
together (``Questionnaire.errors_across_fields``).
"""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from monitoring.questionnaire import MAX_PEOPLE, RECIPIENTS, REVENUE_BANDS, Kind, Question


def form_field(question: Question, final: bool) -> forms.Field:
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": final and question.required,
    }
    if question.kind == Kind.COUNT:
        return forms.IntegerField(min_value=0, max_value=MAX_PEOPLE, **common)
    if question.kind == Kind.FTE:
        return forms.DecimalField(
            min_value=Decimal(0),
            max_value=Decimal(MAX_PEOPLE),
            max_digits=8,
            decimal_places=2,
            localize=True,
            **common,
        )
    if question.kind == Kind.PERCENT:
        return forms.DecimalField(
            max_digits=4,
            decimal_places=1,
            validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
            error_messages={"max_digits": _("Podaj liczbę od 0 do 100.")},
            localize=True,
            **common,
        )
    if question.kind == Kind.BAND:
        return forms.ChoiceField(choices=REVENUE_BANDS, widget=forms.RadioSelect, **common)
    if question.kind == Kind.CHOICES:
        return forms.MultipleChoiceField(choices=RECIPIENTS, widget=forms.CheckboxSelectMultiple, **common)
    return forms.CharField(
        max_length=question.max_length, widget=forms.Textarea(attrs={"rows": 4}), strip=True, **common
    )


class QuestionnaireForm(forms.Form):
    def __init__(self, questionnaire, *args, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.final = final
        for question in questionnaire.questions:
            self.fields[question.key] = form_field(question, final)
            # Shown as "(wymagane)" even on a draft, which itself may be incomplete.
            self.fields[question.key].question_required = question.required
            if question.is_number:
                # Numeric keyboards on phones; commas typed by Polish users are accepted by the form's locale.
                self.fields[question.key].widget.attrs["inputmode"] = (
                    "numeric" if question.kind == Kind.COUNT else "decimal"
                )

    def clean(self):
        cleaned = super().clean()
        if self.final:
            for key, message in self.questionnaire.errors_across_fields(cleaned).items():
                if key not in self.errors:
                    self.add_error(key, message)
        return cleaned

    def fieldsets(self):
        """(section title, bound fields) in the questionnaire's order."""
        return [
            (section.title, [self[question.key] for question in questions])
            for section, questions in self.questionnaire.sections()
        ]

    def answers(self) -> dict:
        """Cleaned values as JSON: whole numbers stay numbers, decimals are kept exact as text."""
        stored = {}
        for key, value in self.cleaned_data.items():
            if value in (None, "", []):
                continue
            stored[key] = format(value.normalize(), "f") if isinstance(value, Decimal) else value
        return stored


def answers_are_complete(questionnaire, answers: dict) -> bool:
    """Whether stored answers pass the sending rules (used again when an editor accepts)."""
    return QuestionnaireForm(questionnaire, data=as_form_data(answers), final=True).is_valid()


def as_form_data(answers: dict) -> MultiValueDict:
    data = MultiValueDict()
    for key, value in answers.items():
        data.setlist(key, value if isinstance(value, list) else [str(value)])
    return data
