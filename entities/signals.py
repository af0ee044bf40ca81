from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from entities.filters import FILTER_CHOICES_KEY
from entities.models import Entity, Gmina, Powiat, PSStatus, Sector
from entities.versions import new_registry_version
from search import vocabulary


@receiver([post_save, post_delete], sender=Powiat)
@receiver([post_save, post_delete], sender=Gmina)
@receiver([post_save, post_delete], sender=Sector)
def forget_filter_choices(sender, **kwargs):
    cache.delete(FILTER_CHOICES_KEY)


@receiver([post_save, post_delete], sender=Entity)
@receiver([post_save, post_delete], sender=PSStatus)
@receiver([post_save, post_delete], sender=Gmina)
@receiver([post_save, post_delete], sender=Powiat)
@receiver([post_save, post_delete], sender=Sector)
@receiver(m2m_changed, sender=Entity.sectors.through)
def registry_version_follows_changes(sender, **kwargs):
    # Publishing, archiving or editing an entity changes the numbers, the map and the filters' results: they
    # must show at once (entities/versions.py).
    new_registry_version()


@receiver(post_save, sender=Entity)
def learn_name_words(sender, instance, **kwargs):
    # The words of names are what "Czy chodziło Ci o: …" offers.
    vocabulary.learn(*instance.vocabulary_texts())
