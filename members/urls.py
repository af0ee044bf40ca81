from django.urls import path

from members import views

# Joined with the apps' member pages under one "member" namespace in wortal/urls.py.
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("usun-konto/", views.account_delete, name="account_delete"),
]
