"""Sets of small integers (positions in a list, primary keys) as Python integers, one bit each: ``&`` and ``|``
of two sets and their size (``bit_count()``) run in C over whole machine words (entities/facets.py,
entities/word_index.py)."""

from itertools import accumulate, repeat
from operator import add


def set_bits(bitmap: int, start: int, stop: int) -> list:
    """Positions of the set bits of ``bitmap`` whose rank (counting from the lowest) is in [start, stop)."""
    size = (bitmap.bit_length() + 63) // 64 * 8
    words = memoryview(bitmap.to_bytes(size, "little")).cast("Q")
    positions, seen = [], 0
    for number, word in enumerate(words):
        if not word:
            continue
        if seen + word.bit_count() <= start:  # the whole word lies before the slice
            seen += word.bit_count()
            continue
        while word:
            lowest = word & -word
            if seen >= start:
                positions.append(number * 64 + lowest.bit_length() - 1)
                if len(positions) == stop - start:
                    return positions
            seen += 1
            word ^= lowest
    return positions


def bitmap_of(positions, size: int) -> int:
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def all_bits(bitmap: int) -> list:
    """Every set bit's position, lowest first. In C throughout: the binary digits from the lowest, split at the
    ones, and the running sum of the gaps (about 4 ms for 19,000 bits in 110,000, against 20 ms bit by bit)."""
    gaps = bin(bitmap)[:1:-1].split("1")
    gaps.pop()  # what follows the highest one
    return list(accumulate(map(add, map(len, gaps), repeat(1)), initial=-1))[1:]
