"""The registry's searchable words in memory: a new search ranked without asking PostgreSQL.

PostgreSQL ranks a new search by reading every match: 7–45 ms for two words and about 120 ms for "fundacja"
(19,000 matches) at 100,000 entities, however few of them a page shows. Here every word of the entities'
``search_text`` (folded words and their lemmas in three parts: name | town | the rest, see entities/search.py)
has three parts (name, town, the rest), each a Python integer with the bits of the primary keys of the
published entities that have the word there, or for a rare word its sorted keys. A query is a few ``|`` (the words that begin with a prefix, a term's alternatives) and
``&`` (the terms) of them; its matches fall into score groups by the same ``LEVELS`` as the SQL search, and each
group is put in the list's name order through the facet index (entities/facets.py), which also applies the
filters. The same matches in the same order as entities/search.py gives (tests/entities/test_word_index.py);
the work grows with the number of matches, not the size of the registry.

Kept up to date without reading the registry again: a trigger (migration entities/0015) logs every entity
whose ``search_text`` or state changes, with its transaction, whichever way it was written. When the registry's
version changes (entities/versions.py), each worker reads the entities logged since its last look and rewrites
their bits: two small queries. The watermark is the oldest transaction still running at that look
(``pg_snapshot_xmin``), not the newest one logged, so a transaction that logged earlier but commits later is
read on the next look instead of being missed.

The whole index is built once (about 5 s at 100,000 entities) by ``manage.py build_word_index`` at deploy, or
in a background thread of the first worker that finds none, and kept in Redis for the others and for
restarts; until then, and after a change of most of the registry at once (a re-index), searches are answered
by PostgreSQL as before. Only where the page cache runs, on PostgreSQL (``SEARCH_WORD_INDEX`` turns it off).
"""

import bisect
import pickle
import threading
import time
import zlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import Max
from django.utils import timezone

from entities.bitmaps import all_bits, bitmap_of
from entities.models import Entity
from entities.models.entity import SEARCH_PART_SEPARATOR
from entities.search import LEVELS, identifier_candidates, level_alternatives
from search.analysis import analyse_query
from search.synonyms import synonym_phrases

SHARED_KEY = "entities:word-index:v2"
SHARED_SECONDS = 7 * 24 * 3600
BUILDING_KEY = f"{SHARED_KEY}:building"
BUILDING_SECONDS = 120
# Off in tests, whose data another thread's connection cannot see (tests/conftest.py).
BUILD_IN_BACKGROUND = True
# Log rows are kept this long; an index that has not looked at the log for nearly as long is built again.
LOG_DAYS = 7
MAX_AGE = (LOG_DAYS - 1) * 24 * 3600
# More changed entities than this at once (a re-index of everything) and building anew is cheaper.
MAX_CHANGES = 20_000
PARTS = {"A": 0, "B": 1, "C": 2}
NOTHING = (0, 0, 0)


def _stored(bitmap: int):
    """A part as kept: a bitmap, or the sorted keys of a rare word (4 bytes each instead of a bitmap as long as
    its highest key: half the index's memory at 100,000 entities)."""
    if bitmap.bit_count() * 32 < bitmap.bit_length():
        return array("i", all_bits(bitmap))
    return bitmap


def _bitmap(part) -> int:
    return part if isinstance(part, int) else bitmap_of(part, part[-1] + 1)


# Rankings kept by each worker: paging through a search, or a popular one, ranks it once.
KEPT_RANKINGS = 32


@dataclass
class WordIndex:
    bitmaps: dict  # word -> (name, town, rest): bitmaps of the primary keys of published entities
    watermark: int  # changes logged by this transaction and later ones may not be applied yet
    refreshed: float  # when the log was read up to the watermark (time.time())
    words: list = field(init=False, repr=False)  # the words in order, for prefixes

    def __post_init__(self):
        self.words = sorted(self.bitmaps)

    def _parts(self, word: str, is_prefix: bool) -> tuple:
        words = self.words
        if is_prefix:
            found = words[bisect.bisect_left(words, word) : bisect.bisect_left(words, word + "\x7f")]
        else:
            found = [word] if word in self.bitmaps else []
        name = town = rest = 0
        for each in found:
            in_name, in_town, in_rest = self.bitmaps[each]
            name, town, rest = name | _bitmap(in_name), town | _bitmap(in_town), rest | _bitmap(in_rest)
        return name, town, rest

    def scores(self, terms) -> dict[int, int]:
        """{score: bitmap of primary keys} of the entities that match every term, scored by ``LEVELS``."""
        looked_up: dict = {}

        def found(word, is_prefix, weights):
            parts = looked_up.get((word, is_prefix))
            if parts is None:
                parts = looked_up[word, is_prefix] = self._parts(word, is_prefix)
            bitmap = 0
            for weight in weights:
                bitmap |= parts[PARTS[weight]]
            return bitmap

        groups: dict[int, int] | None = None
        for term in terms:
            levels, claimed = [], 0  # each entity at the term's best level only
            for score, weights, whole_words in LEVELS:
                matched = 0
                for words in level_alternatives(term, whole_words):
                    if not words:
                        continue
                    every = -1  # all bits: the identity of &
                    for word, is_prefix in words:
                        every &= found(word, is_prefix, weights)
                    matched |= every
                matched &= ~claimed
                if matched:
                    claimed |= matched
                    levels.append((score, matched))
            if groups is None:
                groups = dict(levels)
                continue
            combined: dict[int, int] = {}
            for total, members in groups.items():
                for score, matched in levels:
                    if both := members & matched:
                        combined[total + score] = combined.get(total + score, 0) | both
            groups = combined
        return groups or {}


def _watermark(cursor) -> int:
    cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
    return cursor.fetchone()[0]


def _add(bitmaps: dict, key: int, search_text: str, fresh: set):
    """Set the bits of one entity's words; ``fresh``: the words whose parts are this refresh's own copies."""
    bit = 1 << key
    for part, text in enumerate(search_text.split(SEARCH_PART_SEPARATOR)[:3]):
        for word in text.split():
            if word not in fresh:
                bitmaps[word] = [_bitmap(stored) for stored in bitmaps.get(word, NOTHING)]
                fresh.add(word)
            bitmaps[word][part] |= bit


def _forget_old_changes(cursor):
    """Delete week-old log rows (an index that has not read the log for that long is built anew)."""
    cursor.execute(
        "DELETE FROM entities_searchchange WHERE changed_at < now() - make_interval(days => %s)", [LOG_DAYS]
    )


def build() -> WordIndex:
    """Read every published entity's words (streamed; a few seconds at 100,000 entities)."""
    with connection.cursor() as cursor:
        watermark = _watermark(cursor)
        _forget_old_changes(cursor)
    refreshed = time.time()
    # From the primary database, like the watermark: a read replica may not have every change before it yet.
    entities = Entity.objects.using(DEFAULT_DB_ALIAS)
    # Entities added after the watermark (so beyond this key) are in the log and come with the next refresh.
    top = entities.aggregate(top=Max("pk"))["top"] or 0
    size = top // 8 + 1
    rows: dict[str, list] = {}
    published = entities.published().filter(pk__lte=top).values_list("pk", "search_text")
    for key, search_text in published.iterator(chunk_size=2000):
        byte, bit = key >> 3, 1 << (key & 7)
        for part, text in enumerate(search_text.split(SEARCH_PART_SEPARATOR)[:3]):
            for word in text.split():
                parts = rows.get(word)
                if parts is None:
                    parts = rows[word] = [None, None, None]
                bits = parts[part]
                if bits is None:
                    bits = parts[part] = bytearray(size)
                bits[byte] |= bit
    bitmaps = {
        word: tuple(_stored(int.from_bytes(bits, "little")) if bits else 0 for bits in parts)
        for word, parts in rows.items()
    }
    return WordIndex(bitmaps, watermark, refreshed)


def refreshed(index: WordIndex) -> WordIndex | None:
    """The index with every change logged since its watermark, or None if it must be built anew (too many)."""
    with connection.cursor() as cursor:
        watermark = _watermark(cursor)  # first: whatever commits after this look is read the next time
        cursor.execute(
            "SELECT c.entity_id, e.state = %s, e.search_text FROM (SELECT DISTINCT entity_id "
            "FROM entities_searchchange WHERE xact >= %s LIMIT %s) c "
            "LEFT JOIN entities_entity e ON e.id = c.entity_id",
            [Entity.State.PUBLISHED, index.watermark, MAX_CHANGES + 1],
        )
        changes = cursor.fetchall()
        if changes:
            _forget_old_changes(cursor)
    if len(changes) > MAX_CHANGES:
        return None
    now = time.time()
    if not changes:
        return replace(index, watermark=watermark, refreshed=now)
    # A new index object, so a request still ranking with the old one is not disturbed.
    keys = {key for key, _, _ in changes}
    changed = bitmap_of(keys, max(keys) + 1)

    def touched(part) -> bool:
        return bool(part & changed) if isinstance(part, int) else not keys.isdisjoint(part)

    bitmaps = {}
    for word, parts in index.bitmaps.items():
        if any(touched(part) for part in parts):
            parts = tuple(_stored(_bitmap(part) & ~changed) for part in parts)
            if not any(parts):
                continue
        bitmaps[word] = parts
    fresh: set = set()
    for key, published, search_text in changes:
        if published:
            _add(bitmaps, key, search_text, fresh)
    for word in fresh:
        bitmaps[word] = tuple(_stored(part) for part in bitmaps[word])
    return WordIndex(bitmaps, watermark, now)


def _build_and_share():
    try:
        # Compressed: 2 MB instead of 12 at 100,000 entities, for each worker's one read.
        cache.set(
            SHARED_KEY, zlib.compress(pickle.dumps(build(), pickle.HIGHEST_PROTOCOL), 1), SHARED_SECONDS
        )
    finally:
        cache.delete(BUILDING_KEY)


def build_shared():
    """Build the index now and keep it for every worker (``manage.py build_word_index``, a deploy step)."""
    cache.set(BUILDING_KEY, 1, BUILDING_SECONDS)
    _build_and_share()


def _in_background():
    try:
        _build_and_share()
    finally:
        connection.close()  # this thread's own connection


def _shared() -> WordIndex | None:
    """The index kept in Redis, or None while it is being built. The first worker to find none builds it in a
    background thread: the request that noticed goes on (PostgreSQL answers it), and no request waits the few
    seconds of a build."""
    packed = cache.get(SHARED_KEY)
    if packed is not None:
        index = pickle.loads(zlib.decompress(packed))
        if time.time() - index.refreshed < MAX_AGE:
            return index
    if cache.add(BUILDING_KEY, 1, BUILDING_SECONDS):
        if BUILD_IN_BACKGROUND:
            threading.Thread(target=_in_background, name="word-index-build", daemon=True).start()
            return None
        _build_and_share()
        return _shared()
    return None


_lock = threading.Lock()
# This worker's copy: (registry version, index).
_current: tuple = (None, None)


def word_index(version: str) -> WordIndex | None:
    """The index as of the registry's ``version`` (entities/versions.py), or None where PostgreSQL answers."""
    global _current
    if not (settings.PAGE_CACHE and settings.SEARCH_WORD_INDEX) or connection.vendor != "postgresql":
        return None
    seen, index = _current
    if seen == version:
        return index
    with _lock:
        seen, index = _current
        if seen == version:
            return index
        if index is None or time.time() - index.refreshed > MAX_AGE:
            index = _shared()
        if index is not None:
            index = refreshed(index)
            if index is None:  # too many changes at once (a re-index): built anew, as at the start
                cache.delete(SHARED_KEY)
                index = _shared()
                index = index and refreshed(index)
        # Without an index (being built) nothing is remembered: the next request looks in Redis again.
        _current = (version, index) if index is not None else (None, None)
    return index


ORDER_RELEVANCE, ORDER_NAME, ORDER_UPDATE = "relevance", "name", "update"
_rankings: OrderedDict = OrderedDict()
_rankings_lock = threading.Lock()


def search_keys(
    index: WordIndex, facets, selected: int, query: str, order: str, version: str, filters=()
) -> array | None:
    """The primary keys of the published entities that match ``query`` among ``selected`` (a bitmap of the
    positions of ``facets``, the facet index of ``version`` and today; ``filters`` name the selection for the
    kept rankings), best first (or in ``order``), or None where PostgreSQL answers: an identifier
    (entities/search.py), or a query without words."""
    if identifier_candidates(query) is not None:
        return None
    terms = analyse_query(query, synonym_phrases())
    if not terms:
        return None
    key = (version, timezone.localdate(), repr(terms), filters, order)
    with _rankings_lock:  # a threaded server's requests share the list
        keys = _rankings.get(key)
        if keys is not None:
            _rankings.move_to_end(key)
            return keys
    keys = _rank(index, facets, terms, selected, order)
    with _rankings_lock:
        _rankings[key] = keys
        if len(_rankings) > KEPT_RANKINGS:
            _rankings.popitem(last=False)
    return keys


def _rank(index: WordIndex, facets, terms, selected: int, order: str) -> array:
    groups = index.scores(terms)
    if order == ORDER_RELEVANCE:
        groups = [groups[score] for score in sorted(groups, reverse=True)]
    else:
        everything = 0
        for members in groups.values():
            everything |= members
        groups = [everything]
    keys = array("i")  # 4 bytes a key: the kept rankings stay small
    everyone = selected == facets.everyone
    for members in groups:
        positions = facets.positions_of(all_bits(members))
        if everyone:
            positions.sort()
        elif positions:
            chosen = bitmap_of(positions, len(facets.by_name)) & selected
            positions = all_bits(chosen)
        if order == ORDER_UPDATE:
            positions.sort(key=facets.update_rank.__getitem__)
        keys.extend(map(facets.by_name.__getitem__, positions))
    return keys
