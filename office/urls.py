from django.urls import path

from office import views

app_name = "office"

urlpatterns = [
    path("kontakt/", views.contact, name="contact"),
    path("polityka-prywatnosci/", views.privacy, name="privacy"),
]
