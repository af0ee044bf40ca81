"""The shared field template (includes/form_field.html): a text 'wymagane' marker, help and errors tied to the
field with aria-describedby, as every form on the site renders its fields through it."""

from django import forms
from django.template.loader import render_to_string


class ContactForm(forms.Form):
    name = forms.CharField(label="Nazwa organizacji", help_text="Pełna nazwa z rejestru.")
    email = forms.EmailField(label="E-mail", required=False)
    consent = forms.BooleanField(label="Zgadzam się na publikację")


def render(field):
    return render_to_string("includes/form_field.html", {"field": field})


def test_a_required_field_is_marked_in_text_not_only_by_colour():
    form = ContactForm()
    assert "(wymagane)" in render(form["name"])
    assert "(wymagane)" in render(form["consent"])
    assert "(wymagane)" not in render(form["email"])


def test_help_text_is_tied_to_the_field():
    html = render(ContactForm()["name"])
    assert 'id="id_name_helptext"' in html
    assert 'aria-describedby="id_name_helptext"' in html


def test_errors_are_tied_to_the_field_and_mark_it_invalid():
    form = ContactForm(data={"name": "", "email": "nie-email"})
    assert not form.is_valid()
    name, email = render(form["name"]), render(form["email"])
    assert 'aria-describedby="id_name_helptext id_name_error"' in name
    assert 'id="id_name_error"' in name
    assert 'aria-invalid="true"' in name
    assert 'aria-describedby="id_email_error"' in email
    assert "Wprowadź poprawny adres email." in email
