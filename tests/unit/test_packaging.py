"""What `pip install` puts in the package: every file the generator reads at run time."""

from __future__ import annotations

import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "src" / "glossary_site"


def test_every_file_of_the_package_besides_its_code_is_declared_package_data() -> None:
    """An editable install reads the source folder, so a file left out of package-data is only
    missed by a user who installs from git (the theme's labels once were)."""
    settings = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = settings["tool"]["setuptools"]["package-data"]["glossary_site"]
    declared = {path for pattern in patterns for path in PACKAGE.glob(pattern) if path.is_file()}
    data = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert sorted(p.relative_to(PACKAGE).as_posix() for p in data - declared) == []
