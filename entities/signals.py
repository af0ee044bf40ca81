from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from entities.filters import FILTER_CHOICES_KEY
from entities.models import Gmina, Powiat, Sector


@receiver([post_save, post_delete], sender=Powiat)
@receiver([post_save, post_delete], sender=Gmina)
@receiver([post_save, post_delete], sender=Sector)
def forget_filter_choices(sender, **kwargs):
    cache.delete(FILTER_CHOICES_KEY)
