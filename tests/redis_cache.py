"""The Redis cache for parallel test runs (pytest-xdist, ADR 0024).

Every worker shares one Redis database but writes under its own key prefix; Django's
`cache.clear()` would FLUSHDB and wipe the other workers' keys mid-test, so here it deletes
only the keys of this worker's prefix."""

from django.core.cache.backends.redis import RedisCache


class WorkerRedisCache(RedisCache):
    def clear(self):
        client = self._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        return True
