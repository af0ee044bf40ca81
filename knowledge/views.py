from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from entities.models import Entity
from initiatives.models import Initiative
from knowledge.filters import PublicationFilter
from knowledge.models import Publication, PublicationFile
from wortal.cache import public_page


@public_page
@require_safe
def publication_list(request):
    filterset = PublicationFilter(request.GET, queryset=Publication.objects.published().for_list())
    page = Paginator(filterset.qs, settings.PUBLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "knowledge/publication_list.html", {"filter": filterset, "page": page})


@public_page
@require_safe
def publication_detail(request, slug):
    """Published publications for everyone; editors also see unpublished ones, as an uncached preview."""
    publication = get_object_or_404(
        Publication.objects.visible_to(request.user)
        .defer("search_text")
        .prefetch_related(
            "themes",
            Prefetch("files", queryset=PublicationFile.objects.defer("extracted_text")),
            Prefetch("related_initiatives", queryset=Initiative.objects.published().order_by("-start_date")),
            Prefetch("related_entities", queryset=Entity.objects.published().order_by("name")),
        ),
        slug=slug,
    )
    response = render(
        request,
        "knowledge/publication_detail.html",
        {"publication": publication, "is_preview": not publication.is_public},
    )
    if not publication.is_public:
        add_never_cache_headers(response)
    return response


@require_safe
def publication_file(request, slug, pk, name):
    """A publication's file, only while the publication is public (or for editors).

    Always a download (``Content-Disposition: attachment``) with the content type of the format recognised on
    upload and ``nosniff``, so a browser never runs what it receives; the name is generated from the title.
    """
    document = get_object_or_404(
        PublicationFile.objects.select_related("publication").defer("extracted_text"),
        pk=pk,
        publication__in=Publication.objects.visible_to(request.user),
        publication__slug=slug,
    )
    try:
        stream = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=document.download_name,
        content_type=document.format_info.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    if not document.publication.is_public:
        add_never_cache_headers(response)
    return response
