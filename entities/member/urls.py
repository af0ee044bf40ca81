from django.urls import path

from entities.member import views
from entities.models import EntitySubmission
from moderation.views import submission_withdraw

# Part of the "member" namespace (wortal/urls.py joins them with the account pages of members/).
urlpatterns = [
    path("zglos-podmiot/", views.propose, name="propose"),
    path("podmioty/<slug:slug>/edytuj/", views.entity_edit, name="entity_edit"),
    path("podmioty/<slug:slug>/archiwizuj/", views.entity_archive, name="entity_archive"),
    path("podmioty/<slug:slug>/to-moja-organizacja/", views.claim, name="claim"),
    path("zgloszenia/<int:pk>/", views.submission_detail, name="submission_detail"),
    path(
        "zgloszenia/<int:pk>/wycofaj/",
        submission_withdraw,
        {"model": EntitySubmission},
        name="submission_withdraw",
    ),
]
