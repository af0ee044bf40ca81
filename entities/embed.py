"""The embeddable list (/osadz/podmioty/): a compact registry list for partner websites' <iframe>.

Only these pages may be framed: their own CSP says ``frame-ancestors *`` (django-csp's decorator replaces the
site-wide ``'none'`` for this view alone) and they are exempt from X-Frame-Options: DENY. Every other page still
refuses to be framed. Links open the portal in a new tab, never inside the partner's frame.
"""

from csp.decorators import csp_replace
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from entities.filters import EntityFilter
from entities.models import Entity
from entities.views import list_query

EMBED_PER_PAGE = 10


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
def embedded_list(request):
    filterset = EntityFilter(request.GET, queryset=Entity.objects.published().for_list())
    page = Paginator(filterset.qs, EMBED_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "entities/embed_list.html",
        {
            "filter": filterset,
            "page": page,
            "list_query": list_query(request.GET),
            "SITE_URL": settings.SITE_URL,
        },
    )
