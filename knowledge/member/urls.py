from django.urls import path

from knowledge.member import views
from knowledge.models import PublicationProposal
from moderation.views import submission_withdraw

app_name = "knowledge_member"
urlpatterns = [
    path("wiedza/zaproponuj/", views.propose, name="propose"),
    path(
        "wiedza/propozycje/<int:pk>/wycofaj/",
        submission_withdraw,
        {"model": PublicationProposal},
        name="withdraw",
    ),
]
