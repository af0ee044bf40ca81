"""Moving submissions' files into private storage (used by the entities' and initiatives' data migrations)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from wortal.uploads import PrivateStorage

PUBLISHED = "approved"


def move_images_to_private(image_model):
    """Files sent with submissions used to sit in public media. Each goes to private storage; files of
    refused or withdrawn submissions are deleted (rows too), and an approved one's public file stays where
    it is, because the profile (or report) it was approved into names the very same file."""
    public, private = FileSystemStorage(location=settings.MEDIA_ROOT), PrivateStorage()
    for row in image_model.objects.select_related("submission"):
        name, state = row.image.name, row.submission.state
        if state in ("rejected", "withdrawn"):
            if name and public.exists(name):
                public.delete(name)
            row.delete()
            continue
        if not name or private.exists(name) or not public.exists(name):
            continue
        with public.open(name) as source:
            private.save(name, source)
        if state != PUBLISHED:
            public.delete(name)
