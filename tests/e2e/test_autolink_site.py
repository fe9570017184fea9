"""Auto-linking is opt-in from site.yml and shows up in the built pages."""

from __future__ import annotations

from pathlib import Path

from support import attribute, copy_site, parse_html, run_glossary, tree_digest


def autolinks(site: Path) -> list[tuple[str, str]]:
    soup = parse_html(site / "_site/terms/graphics-processing-unit/index.html")
    return [(a.get_text(), attribute(a, "href")) for a in soup.select(".prose a.autolink")]


def test_autolink_is_off_unless_site_yml_turns_it_on(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    body = site / "content/terms/graphics-processing-unit.md"
    body.write_text(body.read_text() + "\nModel training is where it shines; model training again.\n")
    assert run_glossary("build", cwd=site).returncode == 0
    assert autolinks(site) == []
    settings = site / "content/site.yml"
    settings.write_text(settings.read_text() + "autolink: true\n")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert autolinks(site) == [("Model training", "../model-training/index.html")]
    incremental = tree_digest(site / "_site")
    assert run_glossary("build", "--no-cache", "--out", tmp_path / "clean", cwd=site).returncode == 0
    assert incremental == tree_digest(tmp_path / "clean")


def test_autolink_must_be_true_or_false(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(settings.read_text() + "autolink: yes please\n")
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "content/site.yml:13: 'autolink' must be true or false" in result.stderr
