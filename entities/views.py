from django.conf import settings
from django.http import QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from entities.cards import entity_cards, render_cards
from entities.export import csv_stream, json_stream
from entities.facets import selected_keys
from entities.filters import EntityFilter
from entities.models import Entity
from wortal.cache import public_page
from wortal.pagination import DeferredJoinPaginator, KeysPaginator

# Fewer results than this and a search offers "Czy chodziło Ci o: …".
FEW_RESULTS = 3
LIST_CONTENT_TEMPLATE = "entities/list_content.html"
LIST_PARAMETERS = ("q", "powiat", "gmina", "forma", "branza", "ps", "sort", "page")


def list_query(query: QueryDict) -> str:
    """The list's own parameters from a query string, so a profile can link back to the same list."""
    kept = QueryDict(mutable=True)
    for key in LIST_PARAMETERS:
        values = [value[:200] for value in query.getlist(key)[:3] if value]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


@public_page
@require_safe
def entity_list(request):
    filterset = EntityFilter(request.GET, queryset=Entity.objects.published())
    number = request.GET.get("page")
    keys = selected_keys(filterset)
    if keys is not None:  # no search: the filters are answered from memory (entities/facets.py)
        paginator = KeysPaginator(keys, settings.ENTITIES_PER_PAGE, rows=entity_cards)
    else:
        paginator = _queryset_paginator(filterset, number)
    page = paginator.get_page(number)
    few_results = filterset.is_bound and filterset.form.is_valid() and paginator.count < FEW_RESULTS
    query = list_query(request.GET)
    context = {
        "filter": filterset,
        "page": page,
        "cards": render_cards(page.object_list, query),
        "identifier_match": filterset.identifier_match,
        "suggestion": filterset.spelling_suggestion() if few_results else None,
        "site_url": settings.SITE_URL,
    }
    # The page's body in Jinja2 (templates/jinja2/entities/list_content.html), inside the site's layout.
    content = get_template(LIST_CONTENT_TEMPLATE, using="jinja2").render(context, request)
    return render(request, "entities/entity_list.html", {**context, "content": mark_safe(content)})


def _queryset_paginator(filterset, number):
    """Pages of a search, or of any list where the facet index is off, read from PostgreSQL."""
    # A search's ranking is read once for all its pages; a filter's whole order only once someone pages on
    # (its first page alone is cheaper as a count and twenty keys). See wortal/pagination.py.
    keep_order = filterset.searches or (filterset.narrows and number not in (None, "", "1"))
    return DeferredJoinPaginator(
        filterset.qs,
        settings.ENTITIES_PER_PAGE,
        rows=entity_cards,
        keep_order=keep_order,
        # Rankings and counts follow the registry's changes, not every news post (entities/versions.py).
        version=filterset.registry_version,
    )


@public_page
@require_safe
def entity_detail(request, slug):
    entity = get_object_or_404(
        Entity.objects.published().select_related("gmina__powiat", "running_entity"), slug=slug
    )
    return render(
        request,
        "entities/entity_detail.html",
        {
            "entity": entity,
            "ps_status": entity.current_ps_status(),
            "ps_history": entity.ps_statuses.all(),
            "units": entity.units.published().select_related("gmina__powiat"),
            "initiatives": entity.initiatives.published().order_by("-start_date", "-pk"),
            "sectors": entity.sectors.all(),
            "powiaty_served": entity.powiaty_served.all(),
            "list_query": list_query(request.GET),
            "schema_org": entity.schema_org(request.build_absolute_uri("/").rstrip("/")),
            "is_member": request.user.is_authenticated
            and entity.memberships.filter(user=request.user).exists(),
        },
    )


EXPORT_FORMATS = {
    "csv": (csv_stream, "text/csv; charset=utf-8"),
    "json": (json_stream, "application/json; charset=utf-8"),
}


@require_safe
def entity_export(request, format):
    """The list's current filter as open data (CSV or JSON), streamed."""
    stream, content_type = EXPORT_FORMATS[format]
    filterset = EntityFilter(request.GET, queryset=Entity.objects.published())
    response = StreamingHttpResponse(stream(filterset.qs), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="podmioty-ekonomii-spolecznej.{format}"'
    return response
