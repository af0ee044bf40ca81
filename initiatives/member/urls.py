from django.urls import path

from initiatives.member import views
from initiatives.models import InitiativeSubmission
from moderation.views import submission_withdraw

app_name = "initiative_member"
urlpatterns = [
    path("podmioty/<slug:slug>/zglos-inicjatywe/", views.propose, name="propose"),
    path("inicjatywy/<slug:slug>/edytuj/", views.initiative_edit, name="edit"),
    path("zgloszenia-inicjatyw/<int:pk>/", views.submission_detail, name="submission_detail"),
    path(
        "zgloszenia-inicjatyw/<int:pk>/wycofaj/",
        submission_withdraw,
        {"model": InitiativeSubmission},
        name="submission_withdraw",
    ),
]
