"""The anonymous page cache and the site-wide content generation that invalidates it.

Public pages are the same for every visitor who is not signed in, so the whole response is kept in the
default cache (Redis in production) and answered before sessions, CSRF, authentication and the view run.

Correctness rests on two rules:

- **Invalidation by generation.** Every saved or deleted row of a content model (any app not listed in
  ``PAGE_CACHE_IGNORED_APPS``) and every many-to-many change increments one counter, the *content
  generation*. A cached page remembers the generation read *before* it was rendered and is served only while
  the counter still has that value, so after an editor saves an entity, approves a submission or publishes a
  post, every list, profile, feed, sitemap and count is rebuilt on its next request. The counter is bumped at
  once and again when the transaction commits, so a page rendered from the old rows during the transaction
  is never stored under the new generation. Writes that bypass signals (``QuerySet.update``, ``bulk_create``)
  must call ``bump_content_generation()`` themselves. Changes that come from the clock alone (a post dated in
  the future, an event that ends, a PS status that runs out) show within ``PAGE_CACHE_SECONDS``.
- **Only anonymous, cookie-free responses.** A request that carries a session or a messages cookie never
  reads or fills the cache (a signed-in person always has a session). A response is stored only when its view
  is marked with ``@public_page``, it is a 200, it sets no cookie, it used no CSRF token, was not made for a
  signed-in user, and its ``Cache-Control`` does not forbid it (previews send ``no-cache``).

Cached and freshly rendered public pages carry an ``ETag`` and ``Cache-Control: public, max-age=0,
must-revalidate``: browsers and a reverse proxy keep the page but ask again each time, and get a 304 while
nothing changed. See docs/performance.md.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

GENERATION_KEY = "content:generation"
PAGE_KEY_PREFIX = "page:v1:"

# Apps whose rows never change what a public page shows; their writes (sign-ins, sessions, lockouts,
# thumbnails recorded while a page renders) must not empty the cache.
DEFAULT_IGNORED_APPS = frozenset(
    {
        "admin",
        "auth",
        "contenttypes",
        "sessions",
        "axes",
        "account",
        "mfa",
        "socialaccount",
        "usersessions",
        "thumbnail",
        # Subscribers and delivery records: a newsletter send saves one row per message.
        "newsletter",
    }
)

PUBLIC_CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def ignored_apps():
    return DEFAULT_IGNORED_APPS | set(getattr(settings, "PAGE_CACHE_IGNORED_APPS", ()))


def content_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, not from 0: after Redis lost the key, an old page stored under a small
        # number must not match again.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _increment():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: start it
        content_generation()
        cache.incr(GENERATION_KEY)


def bump_content_generation():
    """Every cached page is stale from now on, and again once the current transaction commits."""
    _increment()
    transaction.on_commit(_increment)


def _on_change(sender, **kwargs):
    bump_content_generation()


def _on_m2m_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_content_generation()


def content_models():
    """Models whose rows can change a public page: all but ignored apps, many-to-many tables and history."""
    from django.apps import apps

    ignored = ignored_apps()
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in ignored or meta.auto_created:
            continue
        if model.__name__.startswith("Historical") and hasattr(model, "history_id"):
            continue  # written together with the model it records, which bumps already
        yield model


def connect_signals():
    """Connected per model, not for every sender: a global post_delete receiver would stop Django's fast
    (single-query) deletes everywhere, sessions and many-to-many tables included."""
    for model in content_models():
        uid = f"wortal-cache-{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="wortal-cache-m2m")


def public_page(view):
    """Mark a view's responses as the same for every anonymous visitor, so the page cache may keep them.

    Use it on pages whose content depends only on the address and the database (lists, profiles, feeds,
    sitemaps), never on forms that need a CSRF token or on anything personal. A signed-in visitor still gets
    a fresh page (the middleware never serves or stores it for them).
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        return response

    wrapped.public_page = True  # the middleware looks at the resolved view before it runs
    return wrapped


def _has_private_cookie(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _is_public_view(request) -> bool:
    """Only addresses of ``@public_page`` views cost a cache lookup; everything else goes straight on."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    # A function view marked by @public_page, or a class-based view (DRF) whose class says so.
    return getattr(match.func, "public_page", False) or getattr(
        getattr(match.func, "cls", None), "public_page", False
    )


def _page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _etag(content: bytes) -> str:
    return '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'


def _storable(request, response) -> bool:
    if not getattr(response, "public_page", False) or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-cache", "no-store"))


class PublicPageCacheMiddleware:
    """Answers anonymous GETs of ``@public_page`` views from the cache; place it right after WhiteNoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or _has_private_cookie(request) or not _is_public_view(request):
            return self._private(self.get_response(request))
        if not settings.PAGE_CACHE:
            return self._public(request, self.get_response(request))
        try:
            key = _page_key(request)
        except DisallowedHost:
            return self.get_response(request)  # the usual middleware answers 400
        found = cache.get_many([key, GENERATION_KEY])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = content_generation()
        # For fragments that are the same for every anonymous visitor (wortal/fragments.py).
        request.content_generation = generation
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            response = HttpResponse(entry["content"])
            for name, value in entry["headers"]:
                response[name] = value
            return get_conditional_response(request, etag=entry["etag"], response=response)
        response = self.get_response(request)
        if not _storable(request, response):
            return self._private(response)
        content = response.content
        response = self._public(request, response)
        if response.status_code == 200:
            entry = {
                "generation": generation,
                "etag": response["ETag"],
                "headers": list(response.items()),
                "content": content,
            }
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _public(request, response):
        """ETag and revalidation headers on a page every anonymous visitor shares; 304 when unchanged."""
        if not _storable(request, response):
            return PublicPageCacheMiddleware._private(response)
        etag = _etag(response.content)
        response["ETag"] = etag
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
        return get_conditional_response(request, etag=etag, response=response)

    @staticmethod
    def _private(response):
        """A public page made for a signed-in person (or one with a session) is theirs alone."""
        if getattr(response, "public_page", False) and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response


# How long a worker waits for another one that computes the same value (single_flight) before doing it too.
SINGLE_FLIGHT_SECONDS = 5


def get_or_set_current(key: str, compute, timeout: int, *, single_flight: bool = False, version=None):
    """A value derived from the content (a count, a list of choices), kept until the next content change.

    With ``single_flight`` (for values that take PostgreSQL a long time, such as ranking every match of a
    common word) only one worker computes it after a change; the others wait for its result instead of
    running the same heavy query side by side, which would make each of them several times slower.
    ``version``: what the value depends on, if narrower than the whole content (entities/versions.py).
    """
    key = f"{key}:g{content_generation()}" if version is None else f"{key}:v{version}"
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"{key}:computing"
    if single_flight and not cache.add(lock, 1, SINGLE_FLIGHT_SECONDS):
        deadline = time.monotonic() + SINGLE_FLIGHT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.02)
            value = cache.get(key)
            if value is not None:
                return value
    value = compute()
    cache.set(key, value, timeout)
    if single_flight:
        cache.delete(lock)
    return value
