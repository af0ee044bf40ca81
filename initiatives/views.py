from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from entities.models import Entity
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from wortal.cache import public_page


@public_page
@require_safe
def initiative_list(request):
    filterset = InitiativeFilter(request.GET, queryset=Initiative.objects.published().for_list())
    page = Paginator(filterset.qs, settings.INITIATIVES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "initiatives/initiative_list.html", {"filter": filterset, "page": page})


@public_page
@require_safe
def initiative_detail(request, slug):
    """Published initiatives for everyone; editors also see drafts, as an uncached preview."""
    initiative = get_object_or_404(
        Initiative.objects.visible_to(request.user).prefetch_related(
            Prefetch("organisers", queryset=Entity.objects.published().select_related("gmina__powiat")),
            "powiaty",
            "photos",
            "links",
        ),
        slug=slug,
    )
    context = {
        "initiative": initiative,
        "is_preview": not initiative.is_published,
        "posts": initiative.posts.published()[:5],
        # Members of an organiser may propose changes (moderated); one query, only for signed-in people.
        "can_propose_changes": request.user.is_authenticated
        and Initiative.objects.organised_by_member(request.user).filter(pk=initiative.pk).exists(),
    }
    response = render(request, "initiatives/initiative_detail.html", context)
    if not initiative.is_published:
        add_never_cache_headers(response)
    return response
