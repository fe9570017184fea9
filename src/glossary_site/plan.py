"""The files a site is made of: the renderer's pages and the static files, and the checks
that need the whole list (a static file in a page's place, a link to a page that is not there)."""

from __future__ import annotations

import difflib
import html
import os
import re
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from glossary_site import config as site_config
from glossary_site import content, front_matter, labels, letter_case, output, search
from glossary_site.content_files import TEMPLATES_DIR
from glossary_site.diagnostics import ContentError, Diagnostic, Severity
from glossary_site.fingerprint import digest
from glossary_site.foreign_markdown import ref_target
from glossary_site.markup import WIKILINK_RE, site_markdown_urls, site_markdown_wikilinks
from glossary_site.model import CtaBlock, Glossary, PageJob, Toolbox
from glossary_site.plain_markup import plain_lines
from glossary_site.render import TEMPLATES
from glossary_site.slugs import SLUG_RE, slugify
from glossary_site.template_files import THEME
from glossary_site.url_checks import PROTOCOL_RELATIVE, normal_base_url, schemeless_address
from glossary_site.urls import STACK_BUILDER, as_read, is_safe_url, site_file, term_path, tool_path
from glossary_site.wikilinks import LISTED_SECTIONS, present_sections, section_ids, theme_ids

# What comes before an address in Markdown or HTML: '](', a reference's ']:', 'href="' or 'cite="'.
LINK_START = r"\]\(\s*<?|\]:\s*<?|(?:href|src|cite)\s*=\s*[\"']?"
CODE_SPAN_RE = re.compile(r"(`+).*?\1")
SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
WEB_RE = re.compile(r"https?://", re.IGNORECASE)
#: A link to a Markdown file, as MkDocs writes one (`gpu.md`, `../terms/gpu.md#use`): its name
#: and fragment.
MARKDOWN_FILE_RE = re.compile(r"(?![A-Za-z][A-Za-z0-9+.-]*:)(?:[^#?]*/)?([^/#?]+)\.md(#[^?]*)?$")
ABOVE_ROOT = "\0above-the-site"
#: The generated files that one template of their own makes, so that a site changes one by
#: writing that template (which the error at a static file in its place says), rather than
#: a static file, which would leave the build two files for one path.
MADE_BY_TEMPLATE = {
    "index.html": TEMPLATES["index"],
    "404.html": TEMPLATES["404"],
    "search/index.html": TEMPLATES["search"],
    "tools/index.html": TEMPLATES["tools"],
    STACK_BUILDER: TEMPLATES["stack_builder"],
    "feed.xml": TEMPLATES["feed"],
    "sitemap.xml": TEMPLATES["sitemap"],
    "robots.txt": TEMPLATES["robots"],
    labels.SCRIPT_PATH: TEMPLATES["labels"],
}


def site_files(
    pages: list[PageJob], config: site_config.SiteConfig, glossary: Glossary, toolbox: Toolbox
) -> tuple[list[PageJob], list[Diagnostic]]:
    """Every output file's job, and the problems that only the full list shows."""
    static, problems = static_jobs(config.root)
    jobs = pages + static
    problems += output_clashes([page.path for page in pages], config.root)
    problems += dead_site_links(config, glossary, toolbox, {job.path for job in jobs})
    return jobs, problems


def site_wikilinks(config: site_config.SiteConfig) -> list[Diagnostic]:
    """A wiki-link in site.yml's intros, which are read before the terms and so cannot have them;
    the reader would see its brackets. The problem is the editor's wording, not a dead link:
    the message shows the Markdown link to write, which the build then checks."""
    intros = [(config.intro, config.intro_lines[0])]
    if config.stack_builder:
        intros.append((config.stack_builder.intro, config.intro_lines[1]))
    problems = []
    for text, line in intros:
        for written in site_markdown_wikilinks(text):
            target, label = re.fullmatch(WIKILINK_RE, written).groups()  # type: ignore[union-attr]
            message = (
                f"{written} would be shown as written: site.yml has no wiki-links; link the term's page "
                f"instead, e.g. [{(label or target).strip()}](/terms/<its slug>/)"
            )
            problems.append(
                Diagnostic(site_config.CONFIG_PATH, _line_with(config.root, line, written), message)
            )
    return problems


def _line_with(root: Path, start: int, written: str) -> int:
    """The line of site.yml's value starting on line `start` where `written` is, else `start`."""
    try:
        lines = (root / site_config.CONFIG_PATH).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return start
    return next((number for number, line in _value_lines(lines, start) if written in line), start)


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


class _Link(NamedTuple):
    what: str
    url: str
    path: str  # the file it is written in
    line: int  # 0 when not known: Markdown keeps no lines, so a dead one is looked up
    page: str  # the folder of the page that shows it, from which a relative address is read
    in_sources: bool = False  # it may be a source's `url:` line
    within: int = 0  # the line of the YAML value it is written in (site.yml's intros), or 0
    keys: Mapping[str, int] | None = None  # the line of each top-level key of the file, if known


def dead_site_links(
    config: site_config.SiteConfig, glossary: Glossary, toolbox: Toolbox, files: set[str]
) -> list[Diagnostic]:
    """A call to action, a tool's "Visit" link, a source or a link in Markdown that leads to
    no page or file of the site is a dead end for every reader who follows it. A term file
    that could not be read is reported already, so a link to its page is not reported again."""
    files = files | {term_path(slug) for slug in glossary.unreadable}
    moved = {
        f"{folder}/{ref.text}/index.html": (item.title, f"/{folder}/{item.slug}/")
        for folder, published in (("terms", glossary.terms), ("tools", toolbox.tools))
        for item in published.values()
        for ref in item.former_slugs
        if ref.text not in published
    }
    drafted = {f"terms/{slug}/index.html": ("term", slug) for slug in glossary.drafts}
    drafted |= {f"tools/{slug}/index.html": ("tool", slug) for slug in toolbox.drafts}
    problems: list[Diagnostic] = []
    for link in _links(config, glossary, toolbox):
        found = (
            _draft_page(link, drafted, config.addresses)
            or _link_problem(link, files, config.addresses, config.root)
            or _former_address(link, moved, config.addresses)
            or _missing_section(link, glossary, config.addresses)
        )
        if found is not None:
            lines = [link.line] if link.line else _lines_of(config.root / link.path, link)
            problems += [Diagnostic(link.path, line, *found) for line in lines]
    return problems


def _link_problem(
    link: _Link, files: set[str], addresses: tuple[str, ...], root: Path
) -> tuple[str, Severity] | None:
    if as_read(link.url).startswith("//"):  # another host, past every check, and file: from disk
        return f"{link.what} '{link.url}' {PROTOCOL_RELATIVE}", Severity.ERROR
    scheme = SCHEME_RE.match(as_read(link.url))
    if scheme and not is_safe_url(link.url):  # sanitise drops it: the link would go nowhere
        return (
            f"{link.what} '{link.url}' starts with '{scheme.group(0)}', which a link may not; "
            "write an http(s) or mailto: address",
            Severity.ERROR,
        )
    target = _target(link.page, link.url, addresses)
    if target.startswith(f"/{search.FOLDER}/"):
        return None  # the search index is written after this check
    found = site_file(target, files)
    if found == "folder":
        cut = min((i for i in (link.url.find("?"), link.url.find("#")) if i >= 0), default=len(link.url))
        return (
            f"{link.what} '{link.url}' names a page's folder without its last '/'; write "
            f"'{link.url[:cut]}/{link.url[cut:]}' (opened from disk, the link would list the folder)",
            Severity.WARNING,
        )
    if found is None and link.url.startswith("{{"):  # Hugo's {{< ref "gpu.md" >}}, {{< relref >}}
        return (
            f"{link.what} '{link.url}' is a shortcode, which is not read here; {_ref_fix(link.url)}",
            Severity.ERROR,
        )
    markdown_file = MARKDOWN_FILE_RE.match(link.url)
    if found is None and markdown_file:  # MkDocs' [GPU](gpu.md): a file, not an address
        stem, fragment = markdown_file.group(1), markdown_file.group(2) or ""
        return (
            f"{link.what} '{link.url}' names a Markdown file, which has no address here; link the "
            f"term as [[{stem}]], or write the address of its page, /terms/{stem}/{fragment}",
            Severity.ERROR,
        )
    if found is None and link.what == "image":
        return (
            f"image '{link.url.lstrip('/')}' is no file of the site's static/ folder; check the path",
            Severity.ERROR,
        )
    if found is None:
        moved = _move_from_content(link, root, addresses)
        if moved is not None:
            return f"{link.what} '{link.url}' leads to no page of this site: {moved}", Severity.ERROR
        return _dead_link_message(link, bool(scheme), files, addresses), Severity.ERROR
    return None


def _move_from_content(link: _Link, root: Path, addresses: tuple[str, ...]) -> str | None:
    """Where to move the file in content/ that a dead link names, read from the folder of the
    file the link is written in (as a Hugo page bundle's `![…](chart.png)` is), so that the
    same link finds it: static/ at the link's address. content/ is never copied, and "check
    the path" sent editors looking for a mistake in a path that names their file. None when
    no such file is there. A bundle's index.md, whose page is terms/index/ until it is renamed
    as its warning says, is given the address it will have."""
    if SCHEME_RE.match(link.url):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(link.url).path)
    if not path or path.endswith("/"):
        return None
    content = os.path.normpath(root / "content")
    written = content if path.startswith("/") else os.path.dirname(os.path.normpath(root / link.path))
    source = os.path.normpath(os.path.join(written, path.lstrip("/")))
    if not source.startswith(content + os.sep) or not os.path.isfile(source):
        return None
    page, renamed = link.page, ""
    parts = link.path.split("/")
    if parts[-1] == "index.md" and len(parts) > 3 and link.keys is not None and "slug" not in link.keys:
        slug = slugify(parts[-2]) or "name"
        page = f"/{parts[1]}/{slug}/"
        renamed = f"rename {link.path} to '{slug}.md' (or add 'slug: {slug}'), and "
    target = _target(page, link.url, addresses)
    if not target.startswith("/") or target.startswith("/../"):
        return None
    moved = "static" + urllib.parse.unquote(urllib.parse.urlsplit(target).path)
    named = Path(os.path.relpath(source, root)).as_posix()
    return f"files in content/ are not copied; {renamed}move {named} to {moved}"


def _dead_link_message(link: _Link, has_scheme: bool, files: set[str], addresses: tuple[str, ...]) -> str:
    """Besides where a relative address is read from, what the editor most likely meant: another
    site's address written without https:// or mailto: (which browsers read as a path here
    too), a page written with base_url's sub-path, or a term's page named in another letter
    case or from another folder."""
    said = f"{link.what} '{link.url}' leads to no page of this site"
    unmade = _unmade_page(link, addresses)
    if unmade is not None:
        return f"{said}: {unmade}, or point the {link.what} elsewhere"
    without = _without_sub_path(link.url, files, addresses)
    if without is not None:
        sub_path, rest = without
        return f"{said}; write links from the site's root without base_url's path '{sub_path}': '{rest}'"
    relative = not link.url.startswith("/") and not has_scheme
    where = f" (it is read from the page's folder, {link.page})" if relative else ""
    meant = schemeless_address(link.url) if relative else None
    if meant is not None:
        advice = f"add https:// in front: {meant}" if meant.startswith("https:") else f"write {meant}"
        return f"{said}{where}; {advice}"
    page = None if has_scheme else _term_page_meant(link.url, files)
    if page is not None:
        return f"{said}{where}; did you mean '{page}'?"
    message = f"{said}; check the path{where}"
    if "\\" in link.url:
        message += "; separate folders with '/', not '\\'"
    return message


#: The pages that only some content makes, and what makes each: a link to one is written
#: right, and only what makes the page is missing.
_MADE_ONLY_WITH = {
    "/stack-builder/": "/stack-builder/ is made only when site.yml has stack_builder settings; add them",
    "/tools/": "/tools/ is made only when content/tools/ has a published tool file; add one",
}


def _unmade_page(link: _Link, addresses: tuple[str, ...]) -> str | None:
    target = _target(link.page, link.url, addresses)
    path = urllib.parse.unquote(urllib.parse.urlsplit(target).path).removesuffix("index.html")
    return _MADE_ONLY_WITH.get(path.rstrip("/") + "/")


def _without_sub_path(url: str, files: set[str], addresses: tuple[str, ...]) -> tuple[str, str] | None:
    """base_url's sub-path and the address left without it, when a link from the site's root
    was written with the sub-path ('/glossary/terms/gpu/') and leads to a page without it: the
    build adds the sub-path itself, so the link would lead to '/glossary/glossary/terms/gpu/'."""
    if not url.startswith("/"):
        return None
    for address in addresses:
        sub_path = urllib.parse.urlsplit(address).path
        if sub_path not in ("", "/") and url.startswith(sub_path):
            rest = url[len(sub_path) - 1 :]
            if site_file(rest, files) == "file":
                return sub_path, rest
    return None


def _term_page_meant(url: str, files: set[str]) -> str | None:
    """The address of the term page `url` names by its slug in another letter case or from the
    wrong folder ('/terms/Roux/', 'terms/roux/', 'roux' on a term's page), or None."""
    path, _, fragment = url.partition("#")
    parts = [part.lower() for part in path.split("?")[0].split("/") if part not in ("", ".", "..")]
    if parts[-1:] == ["index.html"]:
        parts.pop()
    if parts[:1] == ["terms"]:
        parts.pop(0)
    if len(parts) != 1 or not SLUG_RE.match(parts[0]) or term_path(parts[0]) not in files:
        return None
    return f"/terms/{parts[0]}/" + (f"#{fragment}" if fragment else "")


def _ref_fix(url: str) -> str:
    """What to write for a Hugo ref: the term its file names, when the name can be a slug
    (gpu.md, /glossary/gpu.md, gpu/index.md, gpu#history), as the MkDocs message names it."""
    target = ref_target(url)
    if target is None:
        return "link a term with [[its title]], or write the address of its page, such as /terms/gpu/"
    stem, fragment = target
    return f"link the term as [[{stem}]], or write the address of its page, /terms/{stem}/{fragment}"


def _draft_page(
    link: _Link, drafted: dict[str, tuple[str, str]], addresses: tuple[str, ...]
) -> tuple[str, Severity] | None:
    """A link to a draft's page leads nowhere once published, as any missing page does, but
    the editor is told why: "no page" for a file right there in content/ reads as a typo."""
    if not drafted:
        return None
    found = _page_of(drafted, _site_path(link, addresses))
    if not found:
        return None
    what, slug = found
    return (
        f"{link.what} '{link.url}' leads to the draft {what} '{slug}', which is not published: link "
        "elsewhere until it is (`--drafts` builds it to preview)",
        Severity.ERROR,
    )


def _site_path(link: _Link, addresses: tuple[str, ...]) -> str:
    """The path in the output that a link to this site names, or '' for one elsewhere."""
    target = _target(link.page, link.url, addresses)
    if not target.startswith("/"):
        return ""
    return urllib.parse.unquote(urllib.parse.urlsplit(target).path).lstrip("/")


def _page_of(pages: dict[str, tuple[str, str]], path: str) -> tuple[str, str] | None:
    """What `pages` (by the page's file) says of the page at `path`, named with or without its
    'index.html' or last '/'; None for '' (no address on this site)."""
    if not path:
        return None
    return pages.get(path) or pages.get(path + "index.html") or pages.get(path + "/index.html")


def _former_address(
    link: _Link, moved: dict[str, tuple[str, str]], addresses: tuple[str, ...]
) -> tuple[str, Severity] | None:
    """A link to a renamed term's or tool's former address works, through a page that only
    sends readers on (redirects.py); the editor can spare them that. `moved`: each former
    address's page → the title and address of the page it leads to."""
    if not moved:  # nothing was renamed: most sites, most builds
        return None
    found = _page_of(moved, _site_path(link, addresses))
    if not found:
        return None
    title, address = found
    return (
        f"{link.what} '{link.url}' leads to the former address of '{title}', "
        f"which only sends readers on; link to '{address}'",
        Severity.WARNING,
    )


#: Fragments that lead somewhere on any page: the top ('#', '#top', as browsers read them).
TOP = frozenset({"", "top"})


def _missing_section(
    link: _Link, glossary: Glossary, addresses: tuple[str, ...]
) -> tuple[str, Severity] | None:
    """A link to a section of a term page (`/terms/gpu/#history`, `#history` on the page
    itself) that the page has no id for leads to the top of the page: the heading was renamed,
    or the id misspelt. Only term pages are checked; their ids are known from the conversion
    (TermSource.ids) and the theme (wikilinks.theme_ids)."""
    if "#" not in link.url:
        return None
    target = link.page + link.url if link.url.startswith("#") else _target(link.page, link.url, addresses)
    parts = urllib.parse.urlsplit(target)
    fragment = urllib.parse.unquote(parts.fragment)
    if fragment.lower() in TOP:
        return None
    path = urllib.parse.unquote(parts.path).removesuffix("index.html")
    slug = path.removeprefix("/terms/").removesuffix("/")
    term = glossary.terms.get(slug) if path == f"/terms/{slug}/" else None
    if term is None or fragment in theme_ids(term) or fragment in term.ids:
        return None
    said = f"{link.what} '{link.url}' names no section of '{term.title}'"
    sections = ["term-definition", *section_ids(term), *present_sections(term)]
    known = [*sections, *theme_ids(term)]
    same_letters = [known_id for known_id in known if known_id.casefold() == fragment.casefold()]
    meant = same_letters[:1] or difflib.get_close_matches(fragment, known, n=1)
    if meant:
        return f"{said}; did you mean '#{meant[0]}'?", Severity.WARNING
    listed = ", ".join(f"#{section}" for section in sections[:LISTED_SECTIONS])
    more = ", …" if len(sections) > LISTED_SECTIONS else ""
    return f"{said}; its sections are: {listed}{more}", Severity.WARNING


def _target(page: str, url: str, addresses: tuple[str, ...]) -> str:
    """The address on this site `url` leads to from `page`, or '' for one elsewhere or on the
    page itself. A full address under one of the site's `addresses` (SiteConfig.addresses), as
    editors copy it from the published site, is this site's too, whichever of http and https it
    is written with."""
    if url.startswith(("#", "?", "//")):
        return ""
    if SCHEME_RE.match(url):
        return _own_address(url, addresses)
    if url.startswith("/"):
        return urllib.parse.urljoin(page, url)
    # urljoin stops climbing at the root, as a browser does at the host's; under base_url's
    # sub-path the same '../' leaves the site, so a link that climbs above it leads nowhere.
    joined = urllib.parse.urljoin(f"/{ABOVE_ROOT}{page}", url)
    return joined.removeprefix(f"/{ABOVE_ROOT}") if joined.startswith(f"/{ABOVE_ROOT}/") else f"/../{url}"


def checked_urls(urls: tuple[str, ...], addresses: tuple[str, ...]) -> tuple[str, ...]:
    """Of the addresses a file links to, those the build checks: all but the full http(s)
    ones elsewhere, so that a save changing only those needs no check (serve's warm path)."""
    return tuple(url for url in urls if not WEB_RE.match(url) or _own_address(url, addresses))


def _own_address(url: str, addresses: tuple[str, ...]) -> str:
    return next(filter(None, (_under(url, base_url) for base_url in addresses)), "")


def _under(url: str, base_url: str) -> str:
    """Its host is compared as base_url is kept: in ASCII, without a default port."""
    own = urllib.parse.urlsplit(base_url)
    if url.isascii() and (own.hostname or "") not in url.lower():
        return ""  # most links: another site, told without taking the address apart
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    try:
        origin = normal_base_url(f"{parts.scheme}://{parts.netloc}/")
    except (UnicodeError, ValueError):  # a host IDNA cannot write is no host of this site
        return ""
    if urllib.parse.urlsplit(origin).netloc != own.netloc:
        return ""
    path = own.path if parts.path == own.path.rstrip("/") else parts.path
    if not path.startswith(own.path):
        return ""
    return urllib.parse.urlunsplit(("", "", "/" + path[len(own.path) :], parts.query, parts.fragment))


def _links(config: site_config.SiteConfig, glossary: Glossary, toolbox: Toolbox) -> list[_Link]:
    any_term = "/terms/<slug>/"  # a block of site.yml is shown on every term page
    links = [
        _Link("cta url", block.url, site_config.CONFIG_PATH, config.cta_url_lines.get(name, 1), any_term)
        for name, block in config.cta_blocks.items()
    ]
    for term in glossary.terms.values():
        page = _folder(term_path(term.slug))
        if isinstance(term.cta, CtaBlock):
            links.append(_Link("cta url", term.cta.url, term.path, term.cta_line, page))
        sources = {source.url for source in term.sources}
        links += [
            _Link("link", url, term.path, 0, page, url in sources, keys=term.key_lines)
            for url in term.site_urls
        ]
    for slug, tool in toolbox.tools.items():
        page = _folder(tool_path(slug))
        if tool.url:  # a missing or disallowed one is reported where the file is read
            links.append(_Link("url", tool.url, tool.path, tool.key_lines.get("url", 1), page))
        links += [
            _Link("link", url, tool.path, 0, page, keys=tool.key_lines)
            for url in toolbox.site_urls.get(slug, ())
        ]
    if config.image:
        links.append(_Link("image", "/" + config.image, site_config.CONFIG_PATH, config.image_line, "/"))
    intros = [(config.intro, "/", config.intro_lines[0])]
    if config.stack_builder:
        intros.append((config.stack_builder.intro, _folder(STACK_BUILDER), config.intro_lines[1]))
    return links + [
        _Link("link", url, site_config.CONFIG_PATH, 0, page, within=line)
        for text, page, line in intros
        for url in site_markdown_urls(text)
    ]


def _folder(page: str) -> str:
    return "/" + page.removesuffix("index.html")


#: A term's (or a tool's) fields shown as text, where a link's words are only words.
PLAIN_FIELDS = frozenset({"title", "summary", "aliases", "tags", "category", "slug", "related", "tools"})


FENCES = ("```", "~~~")


def _lines_of(file: Path, link: _Link) -> list[int]:
    """Every line of `file` that links to the address: as a Markdown link, image or reference,
    in an HTML attribute or as a source's `url:`; not in code or a YAML comment, and only in
    the value it was written in when that is known. Only a failing build looks them up.
    Lines end where the editor's do (LF, CRLF, CR), not at the form feeds and U+2028 that
    splitlines() also breaks at."""
    try:
        lines = file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return [1]
    before = LINK_START + (r"|\burl:\s*[\"']?" if link.in_sources else "")
    url = re.split("[\t\n\r]", link.url)[0]  # an address written across lines: where it starts
    pattern = re.compile(f"(?:{before}){re.escape(url)}(?![^\\s)\"'>])")
    found, loose, fenced = [], [], False
    starts = [line for key, line in (link.keys or {}).items() if key in PLAIN_FIELDS]
    plain = {number for start in starts for number, _ in _value_lines(lines, start)}
    if link.keys is not None:
        plain |= _nested_plain_lines(file, link.path)
    written = [(number, line) for number, line in _value_lines(lines, link.within) if number not in plain]
    fences = [number for number, line in written if line.lstrip().startswith(FENCES)]
    unclosed = fences[-1] if len(fences) % 2 else None  # no code to Python-Markdown: text, links and all
    for number, line in written:
        stripped = line.lstrip()
        if stripped.startswith(FENCES) and number != unclosed:
            fenced = not fenced
            continue
        if fenced or (file.suffix == ".yml" and stripped.startswith("#")):
            continue
        text = html.unescape(CODE_SPAN_RE.sub("", line))
        texts = (text.replace("\\", ""), text)  # Markdown's escapes undone, or a Windows path kept
        if any(pattern.search(each) for each in texts):
            found.append(number)
        elif any(url in each for each in texts):
            loose.append(number)
    return found or loose[:1] or [1]


def _nested_plain_lines(file: Path, path: str) -> set[int]:
    """The lines of a term's plain-text fields, table column names among them, that lie inside
    a field holding Markdown too (`tables`, `sources`, `cta`): PLAIN_FIELDS leaves out whole
    fields, and a column name `<img src=x.png>` is text on the page, not the image tag."""
    try:
        front, _, _ = front_matter.split_front_matter(path, front_matter.read_text(file, path))
        located = front_matter.load_mapping(path, front)
    except ContentError:
        return set()
    return plain_lines(located, content.PLAIN)


def _value_lines(lines: list[str], start: int) -> list[tuple[int, str]]:
    """The numbered lines of the YAML value whose key is on line `start` (the key's line and
    those indented deeper), or of the whole file when `start` is 0."""
    numbered = list(enumerate(lines, 1))
    if not start or start > len(lines):
        return numbered
    key = lines[start - 1]
    depth = len(key) - len(key.lstrip())
    block = [numbered[start - 1]]
    for number, line in numbered[start:]:
        if line.strip() and len(line) - len(line.lstrip()) <= depth:
            break
        block.append((number, line))
    return block


def output_clashes(generated: list[str], root: Path) -> list[Diagnostic]:
    """A static file must not take the place of a page, of a theme file, nor of a folder
    either lives in; nor may a static folder take the place of one of their files: the build
    would stop half-way, or put the folder where the page was."""
    pages = {*generated, output.MARKER}
    theme = set(output.static_files([THEME / "static"]))
    page_folders = {folder for page in generated for folder in _folders_of(page)}
    theme_folders = {folder for file in theme for folder in _folders_of(file)}
    files = pages | theme
    taken_by = letter_case.taken_by((page_folders | {search.FOLDER}, theme_folders), (pages, theme))
    clashes, seen, case_seen = [], set(), set[str]()
    for path, source in output.static_files([root / "static"]).items():
        where = source.relative_to(root).as_posix()
        taken = next((folder for folder in _folders_of(path) if folder in files), None)
        if path in pages or path in page_folders:
            clashes.append(
                Diagnostic(where, 1, f"static file would replace the generated {path}; {_instead(path)}")
            )
        elif path in theme_folders:
            message = f"static file would replace the theme's folder {path}/; rename it"
            clashes.append(Diagnostic(where, 1, message))
        elif taken is not None:
            if taken not in seen:
                seen.add(taken)
                whose = "generated" if taken in pages else "theme's"
                message = f"static folder would replace the {whose} {taken}; rename it"
                clashes.append(Diagnostic(f"static/{taken}", 1, message))
        elif path == search.FOLDER or path.startswith(search.FOLDER + "/"):
            message = f"static file would be lost when the search index replaces {search.FOLDER}/; move it"
            clashes.append(Diagnostic(where, 1, message))
        else:
            clashes += letter_case.clash(path, where, taken_by, case_seen)
    return clashes


def _instead(path: str) -> str:
    """What to do about a static file in a generated file's place: renaming it would make it
    useless when the site meant to change that file, which its template does."""
    template = MADE_BY_TEMPLATE.get(path)
    if template is None:
        return "rename it"
    return f"to change that file, write {TEMPLATES_DIR}/{template} instead (copy the theme's to start)"


def _folders_of(path: str) -> list[str]:
    """The folders `path` lies in, outermost first: 'a/b/c' is in 'a' and 'a/b'."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]
