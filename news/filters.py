import django_filters
from django.utils.translation import gettext_lazy as _

from news.models import Category, Post


class PostFilter(django_filters.FilterSet):
    """Category and year of the news list; choices are loaded once per request, whatever is chosen."""

    kategoria = django_filters.ChoiceFilter(
        label=_("Kategoria"), field_name="categories__slug", empty_label=_("wszystkie")
    )
    rok = django_filters.ChoiceFilter(
        label=_("Rok"), field_name="published_at__year", empty_label=_("wszystkie")
    )

    class Meta:
        model = Post
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["kategoria"].extra["choices"] = [(c.slug, c.name) for c in Category.objects.all()]
        years = Post.objects.published().dates("published_at", "year", order="DESC")
        self.filters["rok"].extra["choices"] = [(str(day.year), str(day.year)) for day in years]
