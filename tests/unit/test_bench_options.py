"""The counts the benchmark scripts take (bench/options.py): refused when no run can use them."""

from __future__ import annotations

import argparse
import sys

import pytest
from support import PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
from options import at_least, numbers


def test_a_list_of_sizes_is_read_with_underscores_and_spaces() -> None:
    assert numbers(2)("2_000, 10000,") == [2000, 10000]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "expected one or more whole numbers, separated by commas"),
        ("abc", "expected a whole number, not 'abc'"),
        ("2000,1", "must be at least 2, not 1"),
    ],
)
def test_a_list_no_run_can_use_is_refused(text: str, said: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=said):
        numbers(2)(text)


def test_a_count_below_its_minimum_is_refused() -> None:
    assert at_least(0)("0") == 0
    with pytest.raises(argparse.ArgumentTypeError, match="must be at least 0, not -1"):
        at_least(0)("-1")
