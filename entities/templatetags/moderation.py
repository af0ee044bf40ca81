from django import template

from entities.models import Claim, EntitySubmission

register = template.Library()


@register.simple_tag
def moderation_counts():
    """How many items wait for an editor, for the admin's front page."""
    from entities.admin_moderation import QUEUE_SECTIONS

    submissions = EntitySubmission.objects.pending().count()
    claims = Claim.objects.pending().count()
    others = sum(count() for _sections, count in QUEUE_SECTIONS)
    return {
        "submissions": submissions,
        "claims": claims,
        "others": others,
        "total": submissions + claims + others,
    }
