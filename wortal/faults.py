"""How the portal answers when something around it fails: the database, the disk, an oversized request.

Each fault gets a Polish page with the right status instead of a 500, rendered without touching the database
or the session (templates/errors/). The site recovers by itself: persistent connections are health-checked
(CONN_MAX_AGE with conn_health_checks), so the first request after the database returns reconnects.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

# What psycopg raises through Django when the server is down, restarting or unreachable.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def error_page(template: str, status: int, **context) -> HttpResponse:
    response = HttpResponse(loader.get_template(f"errors/{template}").render(context), status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable() -> HttpResponse:
    response = error_page("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class HealthCheckMiddleware:
    """Answers /healthz first of all, before SSL redirects, host checks, sessions and the user: the load
    balancer asks over plain HTTP by address, and a session cookie must not turn 503 into 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from wortal.views import healthz  # wortal.views imports the apps' models, loaded after settings

            return healthz(request)
        return self.get_response(request)


class QueryStringLimitMiddleware:
    """The portal's own Polish 414 for an absurdly long query string. gunicorn accepts request lines of any
    length (limit_request_line = 0; nginx caps them first at 64 KB), so the visitor sees this page, not the
    server's English one. 32 KB allows any combination of the registry's filters and a very long search."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > settings.QUERY_STRING_MAX_BYTES:
            return error_page("414.html", 414)
        return self.get_response(request)


def request_body_limit(path: str) -> int:
    if any(path.startswith(prefix) for prefix in settings.LARGE_UPLOAD_PATHS):
        return settings.VIDEO_UPLOAD_MAX_BYTES + settings.REQUEST_BODY_MAX_BYTES
    return settings.REQUEST_BODY_MAX_BYTES


class RequestBodyLimitHandler(FileUploadHandler):
    """Refuses an oversized multipart body from its Content-Length, before a byte of it is read or written to
    a temporary file (Django's own DATA_UPLOAD_MAX_MEMORY_SIZE leaves files out), and stops a body that sends
    more than it announced. The refusal becomes the Polish 413 page (wortal.views.bad_request)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = request_body_limit(self.request.path_info if self.request else "")
        self.received = 0
        if content_length > self.limit:
            raise RequestDataTooBig(self.limit)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise RequestDataTooBig(self.limit)
        return raw_data

    def file_complete(self, file_size):
        return None
