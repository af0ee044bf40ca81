"""Site-wide response headers that Django's SecurityMiddleware does not send.

A view (or a later middleware, e.g. the embeddable widgets' framing rules) that sets one of these headers
itself keeps its own value: the middleware only fills in what is missing. Personal pages (PRIVATE_PATH_PREFIXES:
members' and account pages) are marked `private, no-store` unless the view already chose `no-store`.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        private = request.path_info.startswith(tuple(settings.PRIVATE_PATH_PREFIXES))
        if private and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
            response.headers.pop("Expires", None)
        return response
