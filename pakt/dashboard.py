"""The person's Pakt declarations on "Moje konto"."""

from members.dashboard import dashboard_section
from pakt.models import PaktDeclaration


@dashboard_section("pakt/dashboard_section.html", order=50)
def pakt_declarations(request):
    return {
        "pakt_declarations": list(
            PaktDeclaration.objects.submitted_by(request.user)
            .select_related("entity")
            .order_by("-created_at")[:10]
        )
    }
