"""The benchmark scripts a contributor runs to back a performance claim (bench/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import PROJECT


def bench(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT / "bench" / script), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_the_ci_rebuild_script_times_both_kinds_of_run(tmp_path: Path) -> None:
    """Was: every run failed with a traceback, since `build` refuses -v with -q."""
    done = bench("ci_rebuild.py", "--terms", "20", "--runs", "2", "--work", str(tmp_path))

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("the run that saves the cache: ")
    assert sum("cache restored: " in line for line in lines) == 2
    assert sum("cache absent: " in line for line in lines) == 2
    assert all("Built _site: " in line for line in lines if line.startswith(("the run", "run ")))
    assert "with the cache restored" in done.stdout


@pytest.mark.parametrize(
    ("script", "args", "said"),
    [
        ("serve_latency.py", ("--edits", "0"), "argument --edits: must be at least 1, not 0"),
        ("ci_rebuild.py", ("--runs", "abc"), "argument --runs: expected a whole number, not 'abc'"),
        ("compare_builds.py", ("HEAD", "--terms", "1"), "argument --terms: must be at least 2, not 1"),
        ("engines.py", ("--rounds", "0"), "argument --rounds: must be at least 1, not 0"),
        ("graph_cost.py", ("--runs", "0"), "argument --runs: must be at least 1, not 0"),
    ],
)
def test_a_count_no_run_can_use_is_refused_before_anything_runs(
    tmp_path: Path, script: str, args: tuple[str, ...], said: str
) -> None:
    """Was: a traceback (ValueError, StatisticsError) or an empty table, some after minutes of work."""
    done = (
        bench(script, *args, "--work", str(tmp_path))
        if script != "compare_builds.py"
        else bench(script, *args)
    )

    assert done.returncode == 2
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
