"""Compiled templates kept between builds: reused only for the source and generator they came from."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from glossary_site.render import Templates


def test_a_template_compiled_by_another_release_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade the same template source may compile to other code (new environment
    options or filters): what an earlier release left must not be run."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    templates = tmp_path / "site/templates"
    templates.mkdir(parents=True)
    (templates / "robots.txt").write_text("User-agent: *\n")
    # Code for another text, as Jinja's stock cache files it: checked by the source alone.
    stock = jinja2.FileSystemBytecodeCache(os.fspath(tmp_path / "xdg/glossary-site/templates"))
    os.makedirs(stock.directory)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=stock)
    filename = os.path.join(os.fspath(templates), "robots.txt")
    bucket = stock.get_bucket(env, "robots.txt", filename, "User-agent: *\n")
    bucket.code = env.compile("Disallow: /", "robots.txt", filename)
    stock.set_bucket(bucket)
    assert env.get_template("robots.txt").render() == "Disallow: /", "the stock check would run it"

    assert Templates(tmp_path / "site").render("robots.txt", {}) == b"User-agent: *\n"


def test_compiled_templates_are_kept_and_reused_with_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "site/templates").mkdir(parents=True)
    (tmp_path / "site/templates/robots.txt").write_text("Sitemap: {{ sitemap }}\n")
    first = Templates(tmp_path / "site").render("robots.txt", {"sitemap": "a&b"})
    assert list((tmp_path / "xdg/glossary-site/templates").iterdir()), "compiled code is kept"
    again = Templates(tmp_path / "site").render("robots.txt", {"sitemap": "a&b"})
    assert first == again == b"Sitemap: a&b\n"
