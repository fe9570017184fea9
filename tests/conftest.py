"""Fixtures shared by every test folder; the helpers themselves live in support.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import copy_site, run_glossary


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
