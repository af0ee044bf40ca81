"""Forgetting a person who deletes their account: the addresses monitoring e-mailed them at go too.

Answers stay: they are the organisation's, and ``submitted_by`` empties itself (SET_NULL). Export logs keep
the exporting editor's login as text: who took the organisations' data out is the office's record.
"""

from django.dispatch import receiver

from members.signals import forget_person
from monitoring.models import Notice


@receiver(forget_person)
def forget_notices(sender, user, **kwargs):
    if user.email:
        Notice.objects.filter(email__iexact=user.email).delete()
