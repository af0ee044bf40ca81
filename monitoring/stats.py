"""Sums and medians of answers, kept exact (Decimal) and rounded only for display."""

import statistics
from decimal import Decimal


def to_number(value) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))


def total(values) -> Decimal:
    return sum((value for value in values if value is not None), Decimal(0))


def median(values) -> Decimal | None:
    """The middle answer (the mean of the two middle ones for an even count); None for no answers."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    return Decimal(statistics.median(present))


def change_percent(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Year-on-year change in per cent, one decimal; None when either side is unknown or the base is zero."""
    if current is None or previous is None or previous == 0:
        return None
    return ((current - previous) / previous * 100).quantize(Decimal("0.1"))


def share_percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.1"))
