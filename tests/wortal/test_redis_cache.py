"""The Redis cache backend keeps one client per connection pool (wortal/redis_cache.py)."""

from wortal.redis_cache import RedisCache


def test_one_client_serves_every_operation_on_the_same_server():
    cache = RedisCache("redis://127.0.0.1:6379/15", {})
    first = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=False) is first
    assert cache._cache.get_client("key", write=True) is first
