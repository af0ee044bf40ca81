"""A bounded dictionary of rendered HTML kept in each worker process, for the fragments that are rendered once
and reused (form fields in wortal/fieldcache.py, header and footer in wortal/fragments.py).

Per process rather than in Redis: the HTML is small, needs no round trip, and each worker fills it within its
first requests. Keys must say everything the HTML depends on, so nothing is ever invalidated; when the
dictionary is full it starts again empty (a few renders, no eviction bookkeeping on the hot path).
"""

import threading


class RenderedMemo(dict):
    def __init__(self, max_entries: int):
        super().__init__()
        self.max_entries = max_entries
        self._lock = threading.Lock()

    def remembered(self, key, render) -> str:
        html = self.get(key)
        if html is None:
            html = render()
            with self._lock:
                if len(self) >= self.max_entries:
                    self.clear()
                self[key] = html
        return html
