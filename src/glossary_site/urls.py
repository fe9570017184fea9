"""Where every page lives and how pages link to each other.

Pages link with relative paths ending in index.html so the same output works from the domain
root, from a sub-path and from disk; only canonical URLs, feeds and sitemaps are absolute.
An output path becomes a URL through `address` alone, which percent-encodes the letters of a
category or tag named in Arabic or Chinese (slugs.group_slug).
"""

from __future__ import annotations

import urllib.parse

from glossary_site.config import SiteConfig
from glossary_site.url_checks import EDIT_PATH


def term_path(slug: str) -> str:
    return f"terms/{slug}/index.html"


STACK_BUILDER = "stack-builder/index.html"
GRAPH = "graph/index.html"


def category_graph_path(slug: str) -> str:
    return f"graph/{slug}/index.html"


def tool_path(slug: str) -> str:
    return f"tools/{slug}/index.html"


def group_path(kind: str, slug: str) -> str:
    return f"{kind}/{slug}/index.html"


def group_feed_path(kind: str, slug: str) -> str:
    """A category's or tag's Atom feed, beside its page (as Hugo writes one per taxonomy term)."""
    return f"{kind}/{slug}/feed.xml"


def group_url(kind: str, slug: str, root: str) -> str:
    """The link to a category's or tag's page from a page `root` below the site's root."""
    return root + address(group_path(kind, slug))


def address(path: str) -> str:
    """An output path as a URL writes it: percent-encoded in UTF-8 as RFC 3986 asks, so that
    `categories/机器学习/index.html` is linked as `categories/%E6%9C%BA…/index.html`, which
    works served and from disk and keeps sitemap.xml valid. A path of a-z, 0-9, '-', '.' and
    '/' (every term's, tool's and Latin-named group's) is its own address."""
    return urllib.parse.quote(path, safe="/")


def root_of(path: str) -> str:
    """The relative prefix from an output file back to the site root."""
    return "../" * path.count("/")


def absolute(config: SiteConfig, path: str) -> str:
    """Public URL of an output file: pretty (no index.html), under base_url."""
    return _under_base(config, address(path))


def _under_base(config: SiteConfig, url: str) -> str:
    if url == "index.html" or url.endswith("/index.html"):
        url = url[: -len("index.html")]
    return config.base_url + url


def absolute_link(config: SiteConfig, page: str, url: str) -> str:
    """Where an editor's link on output file `page` leads, as an absolute address, for data
    read away from the page (tools.json, structured data): a path on this site under base_url,
    a relative one read from the page as a browser reads it, any other (HTTPS:, mailto:) as is
    but for its scheme, written in lowercase."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme:
        return scheme + url[len(scheme) :]
    if url.startswith("/") and not url.startswith("//"):
        return _under_base(config, _as_uri(url.lstrip("/")))
    return _as_uri(urllib.parse.urljoin(absolute(config, page), url))


def _as_uri(url: str) -> str:
    """An editor's path on this site as data gives it, like every other address of the site:
    `/categories/机器学习/` with its letters percent-encoded in UTF-8, which a program reading
    tools.json can request as it is; an escape already written (`%E6`) is kept."""
    return urllib.parse.quote(url, safe="/:?#[]@!$&'()*+,;=%")


def edit_address(config: SiteConfig, file: str) -> str:
    """Where a term's or tool's file (`content/terms/gpu.md`) is edited, or "" when the site
    has no edit_url: the file's path percent-encoded, put where edit_url says {path}, or at its end."""
    if not config.edit_url:
        return ""
    path = urllib.parse.quote(file, safe="/")
    if EDIT_PATH in config.edit_url:
        return config.edit_url.replace(EDIT_PATH, path)
    return config.edit_url + path


#: What browsers (and urllib) take out of an address before reading it, the URL standard's
#: "ASCII tab or newline": to them `java&#9;script:` is `javascript:`.
_IGNORED_IN_URL = str.maketrans("", "", "\t\n\r")


def as_read(url: str) -> str:
    return url.translate(_IGNORED_IN_URL)


def is_safe_url(url: str) -> bool:
    """Only http(s), mailto and relative addresses may become links."""
    return urllib.parse.urlsplit(url).scheme.lower() in ("", "http", "https", "mailto")


def site_file(url: str, files: set[str]) -> str | None:
    """What `url`, an address on this site ('/stack-builder/'), leads to: "file", "folder" (a
    page's folder named without its last '/': web hosts redirect, a page opened from disk
    lists the folder) or None, nothing. An address elsewhere is a "file"."""
    if not url.startswith("/") or url.startswith("//"):
        return "file"
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    if path == "" or path.endswith("/"):
        return "file" if path + "index.html" in files else None
    if path in files:
        return "file"
    return "folder" if path + "/index.html" in files else None


def link_url(url: str, root: str) -> str:
    """An editor's URL as a link: site-relative ones ('/stack-builder/') made relative."""
    if not is_safe_url(url):
        return "#"
    if url.startswith("/") and not url.startswith("//"):
        relative = root + url.lstrip("/")
        if urllib.parse.urlsplit(relative).scheme:  # on the home page, `/javascript:x` is `javascript:x`
            relative = "./" + relative
        parts = urllib.parse.urlsplit(relative)
        if parts.path == "" or parts.path.endswith("/"):
            parts = parts._replace(path=parts.path + "index.html")
        return urllib.parse.urlunsplit(parts)
    return url
