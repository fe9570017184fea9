"""Hypothesis profiles: "ci" (default) is small and reproducible, "fuzz" runs 10,000 examples a test.

HYPOTHESIS_PROFILE=fuzz python -m pytest tests/fuzz -q
HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=1000 python -m pytest tests/fuzz -q -k site  # fewer, per test
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Generating whole sites (many files, long bodies) is slow by design, and the build test
# builds in a fresh temporary folder per example rather than reusing a fixture's. No deadline:
# a per-example time limit fails on a loaded machine (CI runs beside other jobs), and speed is
# measured by bench/; the tests that guard against hangs set their own time limits.
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")),
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
