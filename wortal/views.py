import sys

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from entities.facets import facet_index
from entities.models import Entity, Sector
from entities.versions import registry_version
from initiatives.models import Initiative
from news.models import Event, Film, Post
from wortal import security_log
from wortal.cache import get_or_set_current, public_page
from wortal.faults import DATABASE_DOWN, database_unavailable, error_page
from wortal.storage import MediaWriteError

HOME_FEATURED_INITIATIVES = 3
HOME_LATEST_POSTS = 3
HOME_UPCOMING_EVENTS = 3

REGISTRY_COUNTS_SECONDS = 300


def registry_counts():
    """Counts for the home page: bit counts of the facet index (entities/facets.py) where it runs; otherwise
    three SQL counts (30 ms at 100,000 entities), kept until the registry changes, not at every news post."""
    version = registry_version()
    index = facet_index(version)
    if index is not None:
        return index.totals()

    def compute():
        published = Entity.objects.published()
        return {
            "entity_count": published.count(),
            "ps_count": published.having_ps_status().count(),
            "powiat_count": published.values("gmina__powiat").distinct().count(),
        }

    return get_or_set_current("home:registry-counts", compute, REGISTRY_COUNTS_SECONDS, version=version)


@public_page
@require_safe
def home(request):
    context = {
        **registry_counts(),
        "sectors": Sector.objects.all(),
        # Each section is a small, fixed query; a section with nothing in it is left out of the page.
        "featured_initiatives": Initiative.objects.featured().for_list()[:HOME_FEATURED_INITIATIVES],
        "latest_posts": Post.objects.published().for_list()[:HOME_LATEST_POSTS],
        "latest_film": Film.objects.published().for_list().first(),
        "upcoming_events": Event.objects.published().upcoming().for_list()[:HOME_UPCOMING_EVENTS],
    }
    return render(request, "home.html", context)


@public_page
@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /*?zgoda=", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request):
    """For the load balancer and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def benchmark_ok(request):
    """bench/ measures every page against this one (only routed with BENCHMARK=true)."""
    return HttpResponse("ok")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # A plain template without context processors: the error may be the database itself. A database that is
    # down (wherever it was noticed: a view, the session, the user) is a 503 the visitor can wait out.
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        return database_unavailable()
    if isinstance(error, MediaWriteError):
        return error_page("507.html", 507)
    return HttpResponseServerError(loader.get_template("500.html").render())


def bad_request(request, exception):
    # Django answers a disallowed Host, a malformed request and a too large body with 400; all in Polish.
    if isinstance(exception, RequestDataTooBig):
        limit = exception.args[0] if exception.args and isinstance(exception.args[0], int) else None
        return error_page("413.html", 413, limit=limit)
    return error_page("400.html", 400)


def permission_denied(request, exception):
    security_log.event("permission_denied", request)
    return error_page("403.html", 403)


def csrf_failure(request, reason=""):
    # The reason (Django's English diagnosis) goes to the log, not to the visitor.
    security_log.event("csrf_failure", request, reason=reason)
    return error_page("403_csrf.html", 403)
