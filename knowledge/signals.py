"""A publication file's stored copy goes when its row goes (deleted publication, replaced file)."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver

from knowledge.models import PublicationFile


@receiver(post_delete, sender=PublicationFile)
def delete_stored_file(sender, instance, **kwargs):
    if instance.file:
        stored = instance.file
        transaction.on_commit(lambda: stored.storage.delete(stored.name))


@receiver(pre_save, sender=PublicationFile)
def delete_replaced_file(sender, instance, **kwargs):
    if not instance.pk:
        return
    previous = PublicationFile.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if previous and previous != instance.file.name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(previous))
