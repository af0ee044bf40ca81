"""sorl-thumbnail's key-value store kept in Django's cache instead of a database table.

sorl looks every rendition up before serving it; with its default store that is one SQL query per image
on a cold cache, so a list page's query count would grow with its page size. The cache (Redis in production)
answers without SQL. Losing it is harmless: sorl finds the rendition in storage again by its hashed name.
"""

from django.core.cache import cache
from sorl.thumbnail.kvstores.base import KVStoreBase


class CacheKVStore(KVStoreBase):
    def _get_raw(self, key):
        return cache.get(key)

    def _set_raw(self, key, value):
        cache.set(key, value, timeout=None)

    def _delete_raw(self, *keys):
        cache.delete_many(keys)

    def _find_keys_raw(self, prefix):
        # Only sorl's maintenance command lists keys; a cache cannot, so it sees none and deletes nothing.
        return []
