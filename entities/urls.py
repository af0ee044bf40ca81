from django.urls import path, re_path

from entities import map, views
from entities.feeds import NewEntitiesFeed
from wortal.cache import public_page

app_name = "entities"
urlpatterns = [
    path("", views.entity_list, name="list"),
    re_path(r"^eksport\.(?P<format>csv|json)$", views.entity_export, name="export"),
    path("nowe/rss/", public_page(NewEntitiesFeed()), name="rss"),
    path("mapa/", map.map_page, name="map"),
    path("mapa.geojson", map.map_geojson, name="map_geojson"),
    path("<slug:slug>/", views.entity_detail, name="detail"),
]
