"""The editors' rich-text widget (django-prose-editor, served from its own static files).

The package's widget renders an inline import map, which the strict CSP (script-src 'self') refuses; this one
loads our module static/js/rich-text-editor.js, which imports the editor by its file path instead and starts
it with exactly the formatting wortal/richtext.py keeps. Without JavaScript the field stays a plain textarea.
"""

from django import forms

EDITOR_CSS = [
    "django_prose_editor/material-icons.css",
    "django_prose_editor/editor.css",
    "django_prose_editor/overrides.css",
    "css/rich-text-editor.css",
]


class RichTextWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__(attrs={"data-rich-text": "", "rows": 12, **(attrs or {})})

    @property
    def media(self):
        return forms.Media(
            css={"all": EDITOR_CSS},
            js=["js/rich-text-editor-pl.js", forms.Script("js/rich-text-editor.js", type="module")],
        )
