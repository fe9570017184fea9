"""The files a site is made of: the renderer's pages and the static files, and the checks
that need the whole list (a static file in a page's place, a link to a page that is not there)."""

from __future__ import annotations

from pathlib import Path

from glossary_site import config as site_config
from glossary_site import output, search
from glossary_site.diagnostics import Diagnostic
from glossary_site.fingerprint import digest
from glossary_site.markup import site_markdown_urls
from glossary_site.model import CtaBlock, Glossary, PageJob, Toolbox
from glossary_site.template_files import THEME
from glossary_site.urls import missing_site_file, term_path


def site_files(
    pages: list[PageJob], config: site_config.SiteConfig, glossary: Glossary, toolbox: Toolbox
) -> tuple[list[PageJob], list[Diagnostic]]:
    """Every output file's job, and the problems that only the full list shows."""
    static, problems = static_jobs(config.root)
    jobs = pages + static
    problems += output_clashes([page.path for page in pages], config.root)
    problems += dead_site_links(config, glossary, toolbox, {job.path for job in jobs})
    return jobs, problems


def static_jobs(root: Path) -> tuple[list[PageJob], list[Diagnostic]]:
    """The theme's and the site's static files as jobs, and a problem for each that cannot be
    read (each is read once here, for its key)."""

    def job(path: str, data: bytes) -> PageJob:
        return PageJob(path, digest(data), lambda: data)

    jobs, problems = [], []
    for path, source in output.static_files([THEME / "static", root / "static"]).items():
        try:
            data = source.read_bytes()
        except OSError as exc:
            where = source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)
            problems.append(Diagnostic(where, 1, f"cannot read file: {exc.strerror or exc}"))
            continue
        jobs.append(job(path, data))
    return jobs, problems


def dead_site_links(
    config: site_config.SiteConfig, glossary: Glossary, toolbox: Toolbox, files: set[str]
) -> list[Diagnostic]:
    """A call to action, a tool's "Visit" link or a link in Markdown that leads to no page or
    file of the site is a dead end for every reader who follows it. A term file that could not
    be read is reported already, so a link to its page is not reported again."""
    files = files | {term_path(slug) for slug in glossary.unreadable}
    links = [
        ("cta url", block.url, site_config.CONFIG_PATH, config.cta_url_lines.get(name, 1))
        for name, block in config.cta_blocks.items()
    ]
    links += [
        ("cta url", t.cta.url, t.path, t.cta_line)
        for t in glossary.terms.values()
        if isinstance(t.cta, CtaBlock)
    ]
    links += [("url", tool.url, tool.path, tool.key_lines.get("url", 1)) for tool in toolbox.tools.values()]
    written = [(term.path, url) for term in glossary.terms.values() for url in term.site_urls]
    written += [(toolbox.tools[slug].path, url) for slug, urls in toolbox.site_urls.items() for url in urls]
    written += [
        (site_config.CONFIG_PATH, url)
        for text in (config.intro, config.stack_builder.intro if config.stack_builder else "")
        for url in site_markdown_urls(text)
    ]
    links += [("link", url, path, 0) for path, url in written]
    return [
        Diagnostic(
            path,
            line or _line_of(config.root / path, url),
            f"{what} '{url}' leads to no page of this site; check the path",
        )
        for what, url, path, line in links
        if missing_site_file(url, files) and not url.startswith(f"/{search.FOLDER}/")  # indexed later
    ]


def _line_of(file: Path, url: str) -> int:
    """The first line of a file that holds `url`: Markdown's links are not kept with their
    lines, so a dead one is looked up where it was written, which only a failing build does."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if url in line), 1)


def output_clashes(generated: list[str], root: Path) -> list[Diagnostic]:
    """A static file must not take the place of a page, nor of a folder pages live in."""
    pages = set(generated)
    folders = {"/".join(p.split("/")[:end]) for p in generated for end in range(1, p.count("/") + 1)}
    clashes = []
    for path, source in output.static_files([root / "static"]).items():
        where = source.relative_to(root).as_posix()
        if path in pages or path in folders:
            clashes.append(Diagnostic(where, 1, f"static file would replace the generated {path}; rename it"))
        elif path == search.FOLDER or path.startswith(search.FOLDER + "/"):
            message = f"static file would be lost when the search index replaces {search.FOLDER}/; move it"
            clashes.append(Diagnostic(where, 1, message))
    return clashes
