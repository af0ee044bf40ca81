"""Optional read replica (DATABASE_REPLICA_URL): public pages read from it, everything else uses the primary.

Only reads made while serving an anonymous visitor's GET or HEAD request go to the replica
(`ReplicaMiddleware` marks such requests). Signed-in people, forms, the admin, management commands and the mail
worker always use the primary, so nobody sees their own change missing because the replica lags a moment
behind. Writes and migrations go to the primary only.
"""

from contextvars import ContextVar

from django.conf import settings

_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)

REPLICA = "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous_read = (
            request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        token = _reading_from_replica.set(anonymous_read)
        try:
            return self.get_response(request)
        finally:
            _reading_from_replica.reset(token)
