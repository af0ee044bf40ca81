from django.contrib.auth import get_user_model
from django.db import transaction

from members.signals import forget_person


@transaction.atomic
def account_delete(user):
    """Remove a person's account and personal data; the organisations' public profiles stay.

    Each app forgets what it keeps of the person (``forget_person``): pending submissions go with the
    account, decided ones stay as history without the person (their foreign keys are SET_NULL).
    """
    forget_person.send(sender=get_user_model(), user=user)
    get_user_model().objects.filter(pk=user.pk).delete()
