"""Small-cell rule for the published tables: no figure may rest on, or let anyone work out, fewer than
``MIN_ANSWERS`` organisations' answers.

A table is a *partition* of the round's respondents (by powiat, by legal form, by main sector): every
respondent is in exactly one row, and the table's total is the region's total. What a reader learns from
the published sums is every linear combination of the visible rows and the total. Three steps:

1. **Primary suppression**: a row with 1 or 2 answers is hidden.
2. **Complementary suppression within a table**: total − visible rows = the hidden rows together, so the
   hidden rows of a table must together hold at least ``MIN_ANSWERS`` answers (which also means at least
   two rows). The smallest visible rows are hidden until that holds.
3. **Audit across tables**: tables overlap (a powiat row and a legal-form row share organisations), so
   differences between them could still isolate someone. ``leaks()`` finds every set of fewer than
   ``MIN_ANSWERS`` respondents whose values (or a combination of them) follow from the published sums, by
   linear algebra over the exact rationals; the smallest visible row whose hiding ends the leak is hidden
   and the audit runs again, until nothing leaks (at worst only the total is left, which is safe).

Medians are not sums, so they cannot be combined this way; they are published only for rows whose sums are.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

MIN_ANSWERS = 3

PRIMARY = _("mniej niż 3 odpowiedzi")
SECONDARY = _("ukryte, aby z sum nie dało się odczytać innej ukrytej wartości")
TOO_FEW_OVERALL = _("w całej rundzie mniej niż 3 odpowiedzi")


@dataclass
class Protection:
    """Hidden rows per table ({table: {row key: reason}}), and whether even the total is hidden."""

    hidden: dict = field(default_factory=dict)
    total_hidden: bool = False

    def reason(self, table, key):
        if self.total_hidden:
            return TOO_FEW_OVERALL
        return self.hidden.get(table, {}).get(key)


def protect(partitions: dict[str, dict[object, frozenset]]) -> Protection:
    """Decide which rows of the tables to hide. ``partitions`` maps a table's name to its rows (row key →
    the respondents in it); every table must split the same respondents."""
    universe = _universe(partitions)
    if len(universe) < MIN_ANSWERS:
        return Protection(
            {table: dict.fromkeys(rows, TOO_FEW_OVERALL) for table, rows in partitions.items()},
            total_hidden=True,
        )
    hidden = {
        table: {key: PRIMARY for key, members in rows.items() if 0 < len(members) < MIN_ANSWERS}
        for table, rows in partitions.items()
    }
    while True:
        for table, rows in partitions.items():
            _complete_within_table(rows, hidden[table])
        leaking = leaks(_published_sets(partitions, hidden), universe)
        if not leaking:
            return Protection(hidden)
        _hide_row_against(leaking[0], partitions, hidden)


def _universe(partitions):
    tables = list(partitions.values())
    universe = frozenset().union(*tables[0].values()) if tables else frozenset()
    for rows in tables:
        members = [member for group in rows.values() for member in group]
        if len(members) != len(set(members)) or set(members) != universe:
            raise ValueError("Each table must split the same respondents, each into exactly one row.")
    return universe


def _visible(rows, hidden_rows):
    return [(key, members) for key, members in rows.items() if members and key not in hidden_rows]


def _complete_within_table(rows, hidden_rows):
    """Hide the smallest visible rows until the hidden rows together hold at least MIN_ANSWERS answers."""
    while hidden_rows:
        hidden_count = sum(len(rows[key]) for key in hidden_rows)
        if hidden_count >= MIN_ANSWERS:
            return
        visible = _visible(rows, hidden_rows)
        if not visible:
            return
        key, _members = min(visible, key=lambda item: (len(item[1]), str(item[0])))
        hidden_rows[key] = SECONDARY


def _hide_row_against(leak, partitions, hidden):
    """Hide one more row: the smallest that ends this leak, preferring rows that hold the leaking people
    (a leak can also come from rows around them, e.g. the total minus two disjoint rows of other tables)."""
    candidates = sorted(
        (not (members & leak), len(members), table, str(key), key)
        for table, rows in partitions.items()
        for key, members in _visible(rows, hidden[table])
    )
    universe = _universe(partitions)
    for *_order, table, _name, key in candidates:
        trial = {name: dict(rows) for name, rows in hidden.items()}
        trial[table][key] = SECONDARY
        if leak not in leaks(_published_sets(partitions, trial), universe):
            hidden[table][key] = SECONDARY
            return
    *_order, table, _name, key = candidates[0]
    hidden[table][key] = SECONDARY


def _published_sets(partitions, hidden):
    sets = [frozenset().union(*next(iter(partitions.values())).values())]  # the total
    for table, rows in partitions.items():
        sets.extend(members for _key, members in _visible(rows, hidden[table]))
    return sets


def leaks(published: list[frozenset], universe: frozenset) -> list[frozenset]:
    """Sets of fewer than MIN_ANSWERS respondents some combination of whose values follows from the sums over
    ``published`` sets.

    Respondents that are in exactly the same published sets are indistinguishable: grouped into *cells*, a
    combination is derivable iff its coefficient vector over cells lies in the row space of the cell-incidence
    matrix, i.e. is orthogonal to its null space. With the null-space basis as columns, each cell gets a
    signature vector: a cell's sum is derivable iff its signature is zero, and a combination of two cells iff
    their signatures are parallel. A leak is such a derivable combination over fewer than MIN_ANSWERS people.
    """
    cells = _cells(published, universe)
    signatures = _null_space_signatures(
        [[1 if cell <= group else 0 for cell in cells] for group in published]
    )
    found = []
    singles = []
    for cell, signature in zip(cells, signatures, strict=True):
        if not any(signature):
            if len(cell) < MIN_ANSWERS:
                found.append(cell)
        elif len(cell) == 1:
            singles.append((cell, signature))
    # Two single-person cells with parallel signatures: a combination of the two answers is derivable.
    by_direction = defaultdict(list)
    for cell, signature in singles:
        by_direction[_direction(signature)].append(cell)
    for group in by_direction.values():
        if len(group) > 1:
            found.append(group[0] | group[1])
    return found


def _cells(published, universe):
    membership = defaultdict(set)
    for member in universe:
        membership[tuple(member in group for group in published)].add(member)
    return sorted(
        (frozenset(members) for members in membership.values()), key=lambda cell: sorted(map(str, cell))
    )


def _null_space_signatures(matrix: list[list[int]]) -> list[tuple]:
    """For each column, its entries in a basis of the null space (exact rational arithmetic)."""
    rows = [[Fraction(value) for value in row] for row in matrix]
    width = len(rows[0]) if rows else 0
    pivots = []
    rank = 0
    for column in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [value / lead for value in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = [column for column in range(width) if column not in pivots]
    signatures = [None] * width
    for column in free:
        signatures[column] = tuple(Fraction(1 if f == column else 0) for f in free)
    for row_index, column in enumerate(pivots):
        signatures[column] = tuple(-rows[row_index][f] for f in free)
    return signatures


def _direction(signature: tuple) -> tuple:
    lead = next(value for value in signature if value)
    return tuple(value / lead for value in signature)
