from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.models import Film
from wortal.cache import public_page

from .preview import get_visible_or_404, mark_preview

CONSENT_PARAMETER = "zgoda"


@public_page
@require_safe
def film_list(request):
    page = Paginator(Film.objects.published().for_list(), settings.NEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "news/film_list.html", {"page": page})


@public_page
@require_safe
def film_detail(request, slug):
    """An external film loads only after consent: ``?zgoda=1`` (the button's form, without JavaScript)."""
    film = get_visible_or_404(Film.objects.all(), request.user, slug=slug)
    consented = request.GET.get(CONSENT_PARAMETER) == "1"
    context = {"film": film, "consented": consented, "is_preview": not film.is_public}
    response = render(request, "news/film_detail.html", context)
    return mark_preview(response, film)
