"""Where publication files live: the portal's private storage (``PRIVATE_MEDIA_ROOT``), never under MEDIA_ROOT.

The web server never hands them out by itself: ``knowledge.views.publication_file`` serves a file only while its
publication is public, with a safe content type and ``Content-Disposition``.
"""

from wortal.uploads import PRIVATE_STORAGE


def private_storage():
    # A callable, so the field's migration names this function rather than a storage object.
    return PRIVATE_STORAGE
