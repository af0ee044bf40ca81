"""ORM queries compiled once per process and run again with other primary keys.

Building a queryset and compiling it to SQL costs the ORM about half a millisecond per query, every time, even
when only the keys differ (the twenty cards of a list page). ``KeysQuery`` compiles the query once for each
number of keys (and each value of the other arguments), with stand-in keys, remembers the SQL, and on every
later call only puts the real keys in the stand-ins' places. The ORM stays the only source of the SQL: joins,
conditions and quoting are its own, on SQLite as on PostgreSQL.

Rows come straight from the cursor, without the fields' ``from_db_value`` conversions: use it for plain
columns (text, numbers, booleans: SQLite gives 0 or 1 for the last, so callers convert with ``bool()``).
"""

from functools import lru_cache

from django.db import connection


class KeysQuery:
    def __init__(self, build):
        """``build(keys, *args)``: a ``values_list`` queryset that passes each key once as a parameter."""
        self.build = build
        self._compiled = lru_cache(maxsize=256)(self._compile)

    def _compile(self, count: int, *args):
        stand_ins = [-(number + 1) for number in range(count)]  # never a real key
        sql, params = self.build(stand_ins, *args).query.sql_with_params()
        slots = {stand_in: number for number, stand_in in enumerate(stand_ins)}
        # Each parameter either takes a key's place (its index) or keeps its value.
        places = [
            (slots[param], None) if type(param) is int and param in slots else (None, param)
            for param in params
        ]
        if sum(1 for slot, _ in places if slot is not None) != count:
            raise ValueError("the query must take every key once, as its only integer parameters")
        return sql, places

    def rows(self, keys, *args) -> list[tuple]:
        if not keys:
            return []
        sql, places = self._compiled(len(keys), *args)
        params = [keys[slot] if slot is not None else value for slot, value in places]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
