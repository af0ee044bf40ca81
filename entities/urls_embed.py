from django.urls import path

from entities import embed

app_name = "embed"
urlpatterns = [
    path("podmioty/", embed.embedded_list, name="entities"),
]
