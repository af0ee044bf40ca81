from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.filters import PostFilter
from news.models import Post
from wortal.cache import public_page

from .preview import get_visible_or_404, mark_preview


@public_page
@require_safe
def post_list(request):
    filterset = PostFilter(request.GET, queryset=Post.objects.published().for_list())
    page = Paginator(filterset.qs, settings.NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/post_list.html", {"filter": filterset, "page": page})


@public_page
@require_safe
def post_detail(request, slug):
    post = get_visible_or_404(Post.objects.select_related("author"), request.user, slug=slug)
    context = {
        "post": post,
        "categories": post.categories.all(),
        "related_entities": post.related_entities.published(),
        "related_initiatives": post.related_initiatives.published(),
        "is_preview": not post.is_public,
    }
    return mark_preview(render(request, "news/post_detail.html", context), post)
