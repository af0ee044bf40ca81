from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
