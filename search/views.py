from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Window
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from search.registry import sources
from search.vocabulary import spelling_suggestion
from wortal.cache import public_page
from wortal.pagination import DeferredJoinPaginator, KeysPaginator, rows_in_order

MAX_QUERY_LENGTH = 200
PER_KIND = 5
PER_PAGE = 20
# Fewer results than this in total and the page offers "Czy chodziło Ci o: …".
FEW_RESULTS = 3


def describe(source, item) -> dict:
    return {"title": str(item), "url": item.get_absolute_url(), "summary": source.summary(item)}


def kind_url(query: str, key: str) -> str:
    return f"{reverse('search:results')}?{urlencode({'q': query, 'w': key})}"


def ranked(source, query, per_page):
    """Pages of one kind's matches. Where the source asks for it (the registry), the ranked keys of a query are
    kept until the content changes, so its count and first items, and its other pages, cost no ranking after
    the first visitor (wortal/pagination.py)."""
    keys = source.ranked_keys(query) if source.ranked_keys else None
    if keys is not None:
        return KeysPaginator(
            keys, per_page, rows=lambda keys: rows_in_order(source.model._default_manager, keys)
        )
    if source.keep_ranking:
        version = source.ranking_version() if source.ranking_version else None
        return DeferredJoinPaginator(source.search(query), per_page, keep_order=True, version=version)
    return Paginator(source.search(query), per_page)


def first_items(source, query) -> tuple[list, int]:
    """The first items of one kind and how many match. The registry pages its kept ranking; a smaller kind
    is one query, its count a window over the same matches (``COUNT(*) OVER ()``), not a count and a page."""
    if source.keep_ranking or source.ranked_keys:
        first = ranked(source, query, PER_KIND).page(1)
        return list(first.object_list), first.paginator.count
    items = list(source.search(query).annotate(matches=Window(Count("pk")))[:PER_KIND])
    return items, items[0].matches if items else 0


@public_page
@require_safe
def results(request):
    """One search box for the whole portal: every registered kind of content, grouped, with counts."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    chosen = request.GET.get("w", "")
    registered = sources()
    if chosen and chosen not in {source.key for source in registered}:
        raise Http404
    context = {"query": query, "header_query": query, "groups": [], "page": None, "kind": None}
    if not query:
        return render(request, "search/results.html", context)
    if chosen:
        source = next(source for source in registered if source.key == chosen)
        page = ranked(source, query, PER_PAGE).get_page(request.GET.get("page"))
        items = [describe(source, item) for item in page.object_list]
        context.update(kind=source, page=page, items=items, total=page.paginator.count)
    else:
        for source in registered:
            items, count = first_items(source, query)
            context["groups"].append(
                {
                    "source": source,
                    "count": count,
                    "items": [describe(source, item) for item in items],
                    "all_url": source.list_url(query) or kind_url(query, source.key),
                }
            )
        context["total"] = sum(group["count"] for group in context["groups"])
    if context["total"] < FEW_RESULTS:
        context["suggestion"] = spelling_suggestion(query)
    return render(request, "search/results.html", context)
