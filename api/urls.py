from django.urls import include, path
from rest_framework.routers import SimpleRouter

from api import views

router = SimpleRouter()
router.register("podmioty", views.EntityViewSet, basename="entity")
router.register("inicjatywy", views.InitiativeViewSet, basename="initiative")
router.register("aktualnosci", views.PostViewSet, basename="post")
router.register("filmy", views.FilmViewSet, basename="film")
router.register("wydarzenia", views.EventViewSet, basename="event")

app_name = "api"
urlpatterns = [
    path("openapi.json", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
