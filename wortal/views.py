from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from entities.models import Entity, Sector

REGISTRY_COUNTS_SECONDS = 300


def registry_counts():
    """Counts for the home page; cached briefly because counting 100,000 rows on every visit adds up."""

    def compute():
        published = Entity.objects.published()
        return {
            "entity_count": published.count(),
            "ps_count": published.having_ps_status().count(),
            "powiat_count": published.values("gmina__powiat").distinct().count(),
        }

    return cache.get_or_set("home:registry-counts", compute, REGISTRY_COUNTS_SECONDS)


def home(request):
    return render(request, "home.html", {**registry_counts(), "sectors": Sector.objects.all()})


@never_cache
def healthz(request):
    """For the load balancer and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # A plain template without context processors: the error may be the database itself.
    return HttpResponseServerError(loader.get_template("500.html").render())
