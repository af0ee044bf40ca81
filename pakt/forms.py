from django import forms
from django.utils.translation import gettext_lazy as _

from entities.models import Entity
from moderation.forms import HoneypotMixin
from pakt.models import PaktDeclaration


class DeclarationForm(HoneypotMixin, forms.ModelForm):
    """For one of the person's organisations, or for an institution outside the registry."""

    entity = forms.ModelChoiceField(
        label=_("Twoja organizacja z bazy"),
        queryset=Entity.objects.none(),
        required=False,
        empty_label=_("— spoza bazy (wpisz nazwę poniżej) —"),
    )

    class Meta:
        model = PaktDeclaration
        fields = ["entity", "institution_name", "kind", "website", "representative", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"institution_name": _("Tylko gdy instytucji nie ma w bazie podmiotów.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = Entity.objects.filter(memberships__user=user).exclude(
            state=Entity.State.ARCHIVED
        )
