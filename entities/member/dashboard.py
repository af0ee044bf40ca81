"""The registry's sections of "Moje konto": the person's organisations, submissions and claims."""

from django.core.paginator import Paginator

from entities.models import Claim, EntitySubmission, Membership
from members.dashboard import dashboard_section

SUBMISSIONS_PER_PAGE = 20


@dashboard_section("member/sections/organisations.html", order=10)
def organisations(request):
    return {"memberships": Membership.objects.of(request.user).select_related("entity__gmina__powiat")}


@dashboard_section("member/sections/submissions.html", order=20)
def submissions(request):
    submissions = EntitySubmission.objects.submitted_by(request.user).for_list()
    return {"page": Paginator(submissions, SUBMISSIONS_PER_PAGE).get_page(request.GET.get("page"))}


@dashboard_section("member/sections/claims.html", order=40)
def claims(request):
    return {
        "claims": Claim.objects.submitted_by(request.user).select_related("entity")[:SUBMISSIONS_PER_PAGE]
    }
