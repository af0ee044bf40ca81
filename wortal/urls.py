from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from news.models import Page
from news.views.pages import site_page
from wortal import views
from wortal.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("podmioty/", include("entities.urls")),
    path("admin/", admin.site.urls),
    path("inicjatywy/", include("initiatives.urls")),
    path("", include("news.urls")),
    path("o-portalu/", site_page, {"key": Page.Key.ABOUT}, name="about"),
    path("deklaracja-dostepnosci/", site_page, {"key": Page.Key.ACCESSIBILITY}, name="accessibility"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "wortal.views.page_not_found"
handler500 = "wortal.views.server_error"
