"""Where publication files live: outside MEDIA_ROOT, so the web server never hands them out by itself.

Files are served by ``knowledge.views.publication_file`` only, which checks that the publication is public and
sets a safe content type and ``Content-Disposition``. The folder is PRIVATE_MEDIA_ROOT, or ``private-media``
beside MEDIA_ROOT when that is not set (tests move MEDIA_ROOT to a temporary folder, and this follows it).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT or Path(settings.MEDIA_ROOT).parent / "private-media"

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Private files have no public address; link to the view that serves them.")


def private_storage():
    return PrivateFileStorage()
