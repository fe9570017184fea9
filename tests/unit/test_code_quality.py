"""The README promises lint, formatting and strict typing; the test suite is what keeps the promise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
MYPY_TESTS = ["mypy", "--strict", "--explicit-package-bases", "--cache-dir", "{tmp}"]
# Tests import as pytest runs them, with their own folder and then tests/ on sys.path: support.py
# from tests/, and in tests/browser its own conftest.py (not tests/conftest.py, which shares the
# module name: hence a run per folder). tests/conftest.py goes with e2e, which has none.
TEST_FOLDERS = {"unit": [], "e2e": ["tests/conftest.py"], "fuzz": [], "browser": []}
CHECKS = {
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "src", "tests", "bench", "build.py"],
    "mypy --strict": ["mypy", "--strict", "--cache-dir", "{tmp}", "src"],
    **{
        f"mypy --strict tests/{folder}": [*MYPY_TESTS, f"tests/{folder}", *more]
        for folder, more in TEST_FOLDERS.items()
    },
}
MYPYPATH = {f"mypy --strict tests/{folder}": f"tests/{folder}{os.pathsep}tests" for folder in TEST_FOLDERS}
MYPYPATH["mypy --strict tests/unit"] += f"{os.pathsep}bench"  # test_bench_options imports from bench/


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the mypy runs of a test process, which check the same standard library
    and packages: each after the first takes a third of the time. Runs in other processes
    (pytest-xdist's workers) have caches of their own, so no two write one at once."""
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_code_passes(name: str, mypy_cache: Path) -> None:
    command = [part.replace("{tmp}", str(mypy_cache)) for part in CHECKS[name]]
    env = {**os.environ, "MYPYPATH": MYPYPATH[name]} if name in MYPYPATH else None
    done = subprocess.run(
        [sys.executable, "-m", *command], cwd=PROJECT, capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, f"{name} found problems:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"


def test_no_two_test_modules_share_a_name() -> None:
    """pytest imports test modules by file name (the folders are not packages): a second
    test_x.py anywhere stops the whole run at collection, as CI found twice."""
    names: dict[str, list[str]] = {}
    for path in sorted((PROJECT / "tests").rglob("test_*.py")):
        names.setdefault(path.name, []).append(path.relative_to(PROJECT).as_posix())
    assert {name: paths for name, paths in names.items() if len(paths) > 1} == {}
