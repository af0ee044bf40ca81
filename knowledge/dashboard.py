"""The person's publication proposals on "Moje konto"."""

from knowledge.models import PublicationProposal
from members.dashboard import dashboard_section


@dashboard_section("knowledge/member/dashboard_section.html", order=45)
def publication_proposals(request):
    return {
        "publication_proposals": list(
            PublicationProposal.objects.submitted_by(request.user)
            .select_related("entity")
            .order_by("-created_at")[:10]
        )
    }
