from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from api.opendata import open_data
from entities.member import urls as entity_member_urls
from members import urls as member_urls
from news.models import Page
from news.views.pages import site_page
from office.views import accessibility_statement
from wortal import views
from wortal.cache import public_page
from wortal.sitemaps import SITEMAPS

# Staff sign in through allauth's login (and its second-factor stage), not the admin's own password form.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("podmioty/", include("entities.urls")),
    path("szukaj/", include("search.urls")),
    path("statystyki/", include("entities.urls_statistics")),
    path("api/v1/", include("api.urls")),
    path("osadz/", include("entities.urls_embed")),
    path("otwarte-dane/", open_data, name="open_data"),
    path("admin/", admin.site.urls),
    path("inicjatywy/", include("initiatives.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("wiedza/", include("knowledge.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include("pakt.urls")),
    path("", include("news.urls")),
    path("o-portalu/", site_page, {"key": Page.Key.ABOUT}, name="about"),
    # The statement's required fields (coordinator, dates, complaint procedure) come from the site settings.
    path("deklaracja-dostepnosci/", accessibility_statement, name="accessibility"),
    path("", include("office.urls")),
    # An index of per-section sitemaps, so the registry can outgrow one file's 50,000 addresses.
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    # One "member" namespace for "Moje konto": the account pages and the registry's pages for members.
    path("konto/", include((member_urls.urlpatterns + entity_member_urls.urlpatterns, "member"))),
    path("konto/", include("initiatives.member.urls")),
    path("konto/", include("moderation.urls")),
    path("konto/", include("monitoring.member_urls")),
    path("konto/", include("knowledge.member.urls")),
    path("konto/", include("allauth.urls")),
]

if settings.BENCHMARK:
    # The stack's ceiling for bench/: the whole middleware and an empty view. Never in a normal deployment.
    urlpatterns.append(path("bench/ok", views.benchmark_ok))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "wortal.views.bad_request"
handler403 = "wortal.views.permission_denied"
handler404 = "wortal.views.page_not_found"
handler500 = "wortal.views.server_error"
