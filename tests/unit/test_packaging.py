"""What `pip install` puts in the package: every file the generator reads at run time."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
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


def test_every_package_the_generator_imports_is_a_declared_dependency() -> None:
    """A package that only arrives with another one (markupsafe with jinja2) works until that
    one stops requiring it; the README's dependency table lists what pyproject.toml declares."""
    settings = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_distribution_name(requirement) for requirement in settings["project"]["dependencies"]}
    imported: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.partition(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"glossary_site", "__future__"}
    providers = importlib.metadata.packages_distributions()
    needed = {_distribution_name(providers[module][0]) for module in third_party}
    assert sorted(needed - declared) == []


def _distribution_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")
