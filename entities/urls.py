from django.urls import path

from entities import views

app_name = "entities"
urlpatterns = [
    path("", views.entity_list, name="list"),
    path("<slug:slug>/", views.entity_detail, name="detail"),
]
