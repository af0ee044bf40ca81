from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.models import SynonymGroup
from search.synonyms import SYNONYMS_KEY


@receiver([post_save, post_delete], sender=SynonymGroup)
def forget_synonyms(sender, **kwargs):
    cache.delete(SYNONYMS_KEY)
