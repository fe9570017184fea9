"""The README promises lint, formatting and strict typing; the test suite is what keeps the promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CHECKS = {
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "src", "tests", "bench", "build.py"],
    "mypy --strict": ["mypy", "--strict", "--cache-dir", "{tmp}", "src"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_code_passes(name: str, tmp_path: Path) -> None:
    command = [part.replace("{tmp}", str(tmp_path)) for part in CHECKS[name]]
    done = subprocess.run(
        [sys.executable, "-m", *command], cwd=PROJECT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{name} found problems:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"


def test_no_two_test_modules_share_a_name() -> None:
    """pytest imports test modules by file name (the folders are not packages): a second
    test_x.py anywhere stops the whole run at collection, as CI found twice."""
    names: dict[str, list[str]] = {}
    for path in sorted((PROJECT / "tests").rglob("test_*.py")):
        names.setdefault(path.name, []).append(path.relative_to(PROJECT).as_posix())
    assert {name: paths for name, paths in names.items() if len(paths) > 1} == {}
