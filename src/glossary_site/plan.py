"""The files a site is made of: the renderer's pages and the static files, and the checks
that need the whole list (a static file in a page's place, a call to action to no page)."""

from __future__ import annotations

from pathlib import Path

from glossary_site import config as site_config
from glossary_site import output
from glossary_site.diagnostics import Diagnostic
from glossary_site.fingerprint import digest
from glossary_site.model import CtaBlock, Glossary, PageJob
from glossary_site.render import THEME
from glossary_site.urls import missing_site_file


def site_files(
    pages: list[PageJob], config: site_config.SiteConfig, glossary: Glossary
) -> tuple[list[PageJob], list[Diagnostic]]:
    """Every output file's job, and the problems that only the full list shows."""
    jobs = pages + static_jobs(config.root)
    problems = output_clashes([page.path for page in pages], config.root)
    problems += dead_cta_links(config, glossary, {job.path for job in jobs})
    return jobs, problems


def static_jobs(root: Path) -> list[PageJob]:
    def job(path: str, source: Path) -> PageJob:
        data = source.read_bytes()
        return PageJob(path, digest(data), lambda: data)

    return [
        job(path, source) for path, source in output.static_files([THEME / "static", root / "static"]).items()
    ]


def dead_cta_links(config: site_config.SiteConfig, glossary: Glossary, files: set[str]) -> list[Diagnostic]:
    """A call to action that leads to no page of the site is a dead end for every reader."""
    blocks = [
        (block, site_config.CONFIG_PATH, config.cta_url_lines.get(name, 1))
        for name, block in config.cta_blocks.items()
    ]
    blocks += [(t.cta, t.path, t.cta_line) for t in glossary.terms.values() if isinstance(t.cta, CtaBlock)]
    return [
        Diagnostic(path, line, f"cta url '{block.url}' leads to no page of this site; check the path")
        for block, path, line in blocks
        if missing_site_file(block.url, files)
    ]


def output_clashes(generated: list[str], root: Path) -> list[Diagnostic]:
    """A static file must not take the place of a page, nor of a folder pages live in."""
    pages = set(generated)
    folders = {"/".join(p.split("/")[:end]) for p in generated for end in range(1, p.count("/") + 1)}
    clashes = []
    for path, source in output.static_files([root / "static"]).items():
        if path in pages or path in folders:
            where = source.relative_to(root).as_posix()
            clashes.append(Diagnostic(where, 1, f"static file would replace the generated {path}; rename it"))
    return clashes
