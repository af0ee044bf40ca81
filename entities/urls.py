from django.urls import path, re_path

from entities import map, views

app_name = "entities"
urlpatterns = [
    path("", views.entity_list, name="list"),
    re_path(r"^eksport\.(?P<format>csv|json)$", views.entity_export, name="export"),
    path("mapa/", map.map_page, name="map"),
    path("mapa.geojson", map.map_geojson, name="map_geojson"),
    path("<slug:slug>/", views.entity_detail, name="detail"),
]
