from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from news.models import Page
from wortal.cache import public_page


@public_page
@require_safe
def site_page(request, key):
    page = get_object_or_404(Page, key=key)
    return render(request, "news/page.html", {"page": page})
