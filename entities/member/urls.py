from django.urls import path

from entities.member import views

app_name = "member"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("zglos-podmiot/", views.propose, name="propose"),
    path("podmioty/<slug:slug>/edytuj/", views.entity_edit, name="entity_edit"),
    path("podmioty/<slug:slug>/archiwizuj/", views.entity_archive, name="entity_archive"),
    path("podmioty/<slug:slug>/to-moja-organizacja/", views.claim, name="claim"),
    path("zgloszenia/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("zgloszenia/<int:pk>/wycofaj/", views.submission_withdraw, name="submission_withdraw"),
    path("usun-konto/", views.account_delete, name="account_delete"),
]
