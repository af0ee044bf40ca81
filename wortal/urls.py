from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from wortal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("podmioty/", include("entities.urls")),
    path("admin/", admin.site.urls),
    path("konto/", include("entities.member.urls")),
    path("konto/", include("allauth.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "wortal.views.page_not_found"
handler500 = "wortal.views.server_error"
