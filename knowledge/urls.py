from django.urls import path

from knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.publication_list, name="list"),
    path("<slug:slug>/", views.publication_detail, name="detail"),
    path("<slug:slug>/pliki/<int:pk>/<str:name>", views.publication_file, name="file"),
]
