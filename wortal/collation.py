"""Polish alphabetical order: ą right after a, ł after l, ś after s, ź and ż after z.

Name columns that people see sorted (entities, gminy, powiaty, sectors) are declared with
``db_collation=POLISH_COLLATION``, so every ``ORDER BY name`` and every index on them is in Polish order.
PostgreSQL uses an ICU collation for the ``pl`` locale (as ``pl-x-icu``). SQLite, the zero-setup fallback,
gets a collation of the same name registered on every connection, written in Python: letters in the Polish
alphabet's order, case and punctuation only breaking ties. ``polish_sort_key`` is the same rule for lists
sorted in Python.
"""

from django.db.backends.signals import connection_created

# PostgreSQL: an ICU collation created by migration entities/0012 from the "pl" locale (the server's pl-x-icu);
# SQLite: the Python function below. One plain name for both, as SQLite's schema editor does not quote it.
POLISH_COLLATION = "polish"
_ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def polish_sort_key(text: str) -> tuple:
    lowered = text.lower()
    # Letters first (Polish order), then digits and anything else by code point after all letters.
    primary = tuple(_RANK.get(char, 100 + ord(char)) for char in lowered if char.isalnum())
    return (primary, lowered, text)


def _compare(left: str, right: str) -> int:
    a, b = polish_sort_key(left), polish_sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(POLISH_COLLATION, _compare)


connection_created.connect(register_sqlite_collation, dispatch_uid="wortal-polish-collation")
