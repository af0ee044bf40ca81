"""The site's URLs plus uploaded media, for the live server (tests run with DEBUG off, where Django serves none).

The media folder is read per request because every test gets its own temporary MEDIA_ROOT.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from wortal.urls import handler404, handler500
from wortal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*site_urlpatterns, re_path(r"^media/(?P<path>.*)$", media)]
