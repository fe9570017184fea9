"""Argument types the benchmark scripts share.

A count below what a run can use (no edits, no rounds, a negative warm-up) is refused as
argparse refuses any bad value, with a message, rather than met minutes later as a traceback
or an empty table.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def at_least(minimum: int) -> Callable[[str], int]:
    def number(text: str) -> int:
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    return number


def numbers(minimum: int) -> Callable[[str], list[int]]:
    """A comma-separated list of them, such as `--sizes 2000,10000`; never empty."""
    number = at_least(minimum)

    def listed(text: str) -> list[int]:
        values = [number(part.strip()) for part in text.split(",") if part.strip()]
        if not values:
            raise argparse.ArgumentTypeError("expected one or more whole numbers, separated by commas")
        return values

    return listed
