"""The initiatives' section of "Moje konto": the person's reports and their organisations' initiatives."""

from initiatives.models import Initiative, InitiativeSubmission
from members.dashboard import dashboard_section

SUBMISSIONS_PER_PAGE = 20


@dashboard_section("initiatives/member/dashboard_section.html", order=30)
def initiative_reports(request):
    submissions = InitiativeSubmission.objects.submitted_by(request.user).for_list()
    return {
        "initiative_submissions": submissions[:SUBMISSIONS_PER_PAGE],
        "own_initiatives": Initiative.objects.organised_by_member(request.user).order_by("title")[:50],
    }
