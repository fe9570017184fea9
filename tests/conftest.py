"""Fixtures shared by every test folder; the helpers themselves live in support.py."""

from __future__ import annotations

import compileall
from pathlib import Path

import pytest
from support import PROJECT, copy_site, run_glossary


def pytest_configure(config: pytest.Config) -> None:
    """The generator compiled once, before the test processes start: an interpreter started
    for a test (serve, a Ctrl-C) reads the compiled files instead of compiling the package
    again where PYTHONDONTWRITEBYTECODE is set (run_glossary sets it, and so do some CI
    machines). Only the controller does it, so two processes never write one file."""
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(PROJECT / "src" / "glossary_site", quiet=1)


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache signing key lives in the user's cache folder; tests get their own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture()
def built_minimal(tmp_path: Path) -> Path:
    site = copy_site("minimal", tmp_path)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"
