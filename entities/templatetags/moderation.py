from django import template

from entities.models import Claim, EntitySubmission

register = template.Library()


@register.simple_tag
def moderation_counts():
    """How many items wait for an editor, for the admin's front page."""
    submissions = EntitySubmission.objects.pending().count()
    claims = Claim.objects.pending().count()
    return {"submissions": submissions, "claims": claims, "total": submissions + claims}
