from django.urls import path

from moderation.views import submission_withdraw
from pakt import views
from pakt.models import PaktDeclaration

app_name = "pakt"
urlpatterns = [
    path("pakt/", views.pakt_page, name="page"),
    path("konto/pakt/deklaracja/", views.declaration, name="declaration"),
    path(
        "konto/pakt/deklaracja/<int:pk>/wycofaj/",
        submission_withdraw,
        {"model": PaktDeclaration},
        name="declaration_withdraw",
    ),
]
