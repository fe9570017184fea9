"""The build cache on CI: restored into a fresh checkout on a fresh runner, it is reused when
GLOSSARY_CACHE_KEY is the key it was signed with, and discarded (never unpickled) otherwise,
with the same site built either way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import copy_site, run_glossary, tree_digest

SECRET = "a long random text kept as a repository secret"


def first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A CI run: builds the example with the key from the environment; returns the site and
    its number of term files."""
    monkeypatch.setenv("GLOSSARY_CACHE_KEY", SECRET)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "runner-1"))
    site = copy_site("example", tmp_path / "run-1")
    result = run_glossary("build", "--no-search", "-v", cwd=site)
    assert result.returncode == 0, result.stderr
    terms = len(list((site / "content/terms").glob("*.md")))
    assert f"from the cache: 0 of {terms}" in result.stdout
    return site, terms


def next_run(first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh checkout (new files, new times) with the cache restored, on a new runner whose
    user folder holds no key, one term edited since."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "runner-2"))
    site = copy_site("example", tmp_path / "run-2")
    shutil.copytree(first / ".glossary-cache", site / ".glossary-cache")
    term = site / "content/terms/tokenizer.md"
    term.write_text(term.read_text().replace("\n---\n", "\n---\n\nEdited on CI.\n", 1))
    return site


def clean_build(site: Path, out: Path) -> dict[str, str]:
    result = run_glossary("build", "--no-search", "--no-cache", "--out", out, cwd=site)
    assert result.returncode == 0, result.stderr
    return tree_digest(out)


def test_a_restored_cache_signed_with_the_key_from_the_environment_is_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, terms = first_run(tmp_path, monkeypatch)
    site = next_run(first, tmp_path, monkeypatch)
    result = run_glossary("build", "--no-search", "-v", cwd=site)
    assert result.returncode == 0, result.stderr
    assert f"from the cache: {terms - 1} of {terms}" in result.stdout, "only the edited term converted"
    assert "note: cache" not in result.stderr
    assert tree_digest(site / "_site") == clean_build(site, tmp_path / "clean")


@pytest.mark.parametrize("key", ["another secret", None])
def test_a_cache_signed_with_another_key_is_discarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    first, terms = first_run(tmp_path, monkeypatch)
    site = next_run(first, tmp_path, monkeypatch)
    if key is None:  # the secret is not set: the new runner makes a key of its own
        monkeypatch.delenv("GLOSSARY_CACHE_KEY")
    else:
        monkeypatch.setenv("GLOSSARY_CACHE_KEY", key)
    checked = run_glossary("check", "--strict", "--format", "github", cwd=site)  # CI's check job
    assert checked.returncode == 0 and "was signed with another key" in checked.stderr
    result = run_glossary("build", "--no-search", "-v", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "was signed with another key" in result.stderr
    assert f"from the cache: 0 of {terms}" in result.stdout
    assert tree_digest(site / "_site") == clean_build(site, tmp_path / "clean")


@pytest.mark.parametrize("key", ["another secret", None])
def test_a_build_with_nothing_changed_notes_a_cache_signed_with_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    """Was: a build in which nothing changed did nothing and said nothing, and the cache signed
    with another key was discarded, with the note, only by the next build that changed a file.
    Now that build gives the note and rebuilds the cache; the next one does nothing again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("GLOSSARY_CACHE_KEY", SECRET)
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    if key is None:  # the user's own key, kept in the user folder
        monkeypatch.delenv("GLOSSARY_CACHE_KEY")
    else:
        monkeypatch.setenv("GLOSSARY_CACHE_KEY", key)

    other = run_glossary("build", "--no-search", "-v", cwd=site)
    again = run_glossary("build", "--no-search", "-v", cwd=site)

    assert other.returncode == 0, other.stderr
    assert [line for line in other.stderr.splitlines() if line.startswith("note:")] == [
        "note: cache .glossary-cache was signed with another key (another user or machine, another "
        "GLOSSARY_CACHE_KEY) or is damaged; rebuilding it"
    ]
    assert "from the cache: 0 of 3" in other.stdout
    assert again.returncode == 0 and again.stderr == ""
    assert "0 written" in again.stdout and "from the cache" not in again.stdout, "nothing to do"
