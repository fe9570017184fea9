"""Compiled templates, and what each names, kept between builds: reused only for the source and
generator they came from."""

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


def write(site: Path, name: str, text: str) -> None:
    (site / "templates").mkdir(parents=True, exist_ok=True)
    (site / "templates" / name).write_text(text, encoding="utf-8")


def test_what_a_template_names_is_kept_and_an_edit_is_read_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second build takes what the first learnt of each template from the user's folder;
    once the template is edited, that no longer holds, and its new problems are found."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    site = tmp_path / "site"
    write(site, "page.html", "{% include 'part.html' %}{{ a }}")
    write(site, "part.html", "{% block x %}{% endblock %}")
    first = Templates(site)
    assert first.problems("page.html") == ()
    kept = sorted((tmp_path / "xdg/glossary-site/templates").glob("*.names.json"))
    assert kept, "what the templates name is kept"
    again = Templates(site)
    assert again.problems("page.html") == ()
    assert again.digest("page.html") == first.digest("page.html")
    assert again.named("page.html") == ("part.html",)
    found = again.parsed("part.html")
    assert found is not None and [b.name for b in found[1].find_all(jinja2.nodes.Block)] == ["x"]

    for edited, told in [("{% include 'gone.html' %}{{ a }}", "gone.html"), ("{{ a|nofilter }}", "nofilter")]:
        write(site, "page.html", edited)
        messages = [d.message for d in Templates(site).problems("page.html")]
        assert len(messages) == 1 and told in messages[0], messages


def test_a_damaged_record_is_read_afresh_to_the_same_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    site = tmp_path / "site"
    write(site, "page.html", "{% extends 'base.html' %}{% block x %}{% include 'gone.html' %}{% endblock %}")
    write(site, "base.html", "{% block x %}{% endblock %}")
    first = Templates(site)
    expected = (first.digest("page.html"), first.problems("page.html"), first.named("page.html"))
    assert expected[1], "the missing include is a problem"
    for record in (tmp_path / "xdg/glossary-site/templates").glob("*.names.json"):
        record.write_text('{"children": [1, ')
    again = Templates(site)
    assert (again.digest("page.html"), again.problems("page.html"), again.named("page.html")) == expected
