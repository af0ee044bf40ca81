"""An attacker who knows where every respondent sits (powiat, legal form, main sector: all public in the
registry) and even who answered, and tries to recover one organisation's answer from the published tables.

Written independently of monitoring.disclosure: plain differencing of totals against sub-totals, every
signed combination of up to three published sums, and exact Gaussian elimination asking whether any
respondent's value (or the sum of any two) is a linear combination of the published sums.
"""

import itertools
from fractions import Fraction

MIN_ANSWERS = 3


def differencing(total_members, tables):
    """Total minus the visible rows of each table: who is left, for each table."""
    leftovers = []
    for visible_rows in tables:
        covered = set().union(*visible_rows) if visible_rows else set()
        leftovers.append(set(total_members) - covered)
    return leftovers


def small_signed_combinations(published, max_terms=3):
    """Sets of fewer than 3 respondents that some ±1 combination of up to ``max_terms`` published sums isolates
    exactly (every other respondent cancels out)."""
    found = []
    for size in range(2, max_terms + 1):
        for combo in itertools.combinations(published, size):
            for signs in itertools.product((1, -1), repeat=size):
                weights = {}
                for sign, members in zip(signs, combo, strict=True):
                    for member in members:
                        weights[member] = weights.get(member, 0) + sign
                support = {member for member, weight in weights.items() if weight}
                if 0 < len(support) < MIN_ANSWERS:
                    found.append(support)
    return found


def _in_row_space(rows, target):
    """Whether ``target`` is a rational combination of ``rows`` (vectors as lists)."""
    matrix = [[Fraction(v) for v in row] for row in rows]

    def rank(vectors):
        vectors = [list(v) for v in vectors]
        r = 0
        for col in range(len(vectors[0]) if vectors else 0):
            pivot = next((i for i in range(r, len(vectors)) if vectors[i][col] != 0), None)
            if pivot is None:
                continue
            vectors[r], vectors[pivot] = vectors[pivot], vectors[r]
            for i in range(len(vectors)):
                if i != r and vectors[i][col] != 0:
                    f = vectors[i][col] / vectors[r][col]
                    vectors[i] = [a - f * b for a, b in zip(vectors[i], vectors[r], strict=True)]
            r += 1
        return r

    return rank(matrix) == rank([*matrix, [Fraction(v) for v in target]])


def solvable_individuals(published, respondents):
    """Respondents whose own value, or whose sum with one other's, follows from the published sums."""
    order = sorted(respondents, key=str)
    rows = [[1 if member in members else 0 for member in order] for members in published]
    exposed = []
    for i, member in enumerate(order):
        if _in_row_space(rows, [1 if j == i else 0 for j in range(len(order))]):
            exposed.append({member})
    for i, j in itertools.combinations(range(len(order)), 2):
        if _in_row_space(rows, [1 if k in (i, j) else 0 for k in range(len(order))]):
            exposed.append({order[i], order[j]})
    return exposed
