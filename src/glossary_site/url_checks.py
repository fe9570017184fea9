"""Which addresses editors may write: base_url, edit_url, call-to-action and source links.

Each check returns why an address cannot be used, or None, worded to follow the quoted
address, so site.yml, term files and the --base-url option report it alike.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
import urllib.parse

ABSOLUTE_EXAMPLE = "must be an absolute http(s) address, e.g. https://example.com/"
NO_HOST = "has no host name; write it like https://example.com/"
#: '//host/x' takes the scheme of the page, which is file: for a site opened from disk.
PROTOCOL_RELATIVE = "starts with '//'; write the scheme too, e.g. https://example.com/page/"
# Whitespace, control characters, and the invisible ones that make an address read as another.
UNSAFE_CHARACTER_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
PORT_RE = re.compile(r"[0-9]+")
#: Besides letters and digits (str.isalnum, as regular expressions' \w), the vowel signs and
#: other marks that words of many scripts cannot be written without (उदाहरण, ไทย).
MARKS = frozenset({"Mn", "Mc"})
BAD_ESCAPE_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
IPV4_LIKE_RE = re.compile(r"[0-9.]+")
#: The address the starter's site.yml gives as base_url and `glossary new` stubs a source with:
#: a site or a link still holding it has not been given its real one.
PLACEHOLDER_URL = "https://example.com/"


#: The endings of a host written without its scheme ('example.org/x') taken for another site's:
#: the generic ones and much-linked countries', leaving out those that also end file names
#: (.md, .py, .sh, .rs, .pl, .ps, .cc), which a link to a file of the site may as well name.
WEB_ENDINGS = frozenset(
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "dev", "app", "ai",
        "co", "me", "tv", "eu", "uk", "de", "fr", "nl", "be", "ch", "at", "it", "es", "pt", "se",
        "no", "dk", "fi", "ie", "cz", "gr", "hu", "ro", "jp", "cn", "kr", "tw", "hk", "sg", "in",
        "au", "nz", "ca", "us", "br", "mx", "ar", "za", "ru", "ua", "tr", "il",
    }
)  # fmt: skip
_HOST_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
_MAIL_ADDRESS_RE = re.compile(r"[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\?\S*)?")


def schemeless_address(url: str) -> str | None:
    """The address `url` means when it is another site's written without its scheme, or None.

    A link to 'www.example.org/x' or 'someone@example.com' is read as a path from the page's
    folder, as browsers read it, and leads nowhere; its message can say what to write. Only a
    host in lowercase that starts with 'www.' or ends in one of WEB_ENDINGS is taken for one, so
    a file name ('chart.png', 'notes.md') or a dotted name in text ('System.IO') is not."""
    if _MAIL_ADDRESS_RE.fullmatch(url):
        return "mailto:" + url
    labels = re.split(r"[/?#]", url, maxsplit=1)[0].split(".")
    if len(labels) < 2 or not all(map(_HOST_LABEL_RE.fullmatch, labels)):
        return None
    return "https://" + url if labels[0] == "www" or labels[-1] in WEB_ENDINGS else None


#: The last segment of a base_url that names a page (a folder's name is taken as written).
PAGE_NAME_RE = re.compile(r"\.(html?|php|aspx?|xml|txt|json)$", re.IGNORECASE)


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be a site's base_url, or None when it can.

    The reason reads on from the quoted address ("'https://x:0/' has port 0; ..."), so site.yml
    and the --base-url option can word their messages alike. Every page's canonical address,
    the feed and the sitemap are built on it, so only a plain http(s) address of a folder will
    do: no user name or password (they would be published), no query or fragment (page paths are
    appended to it).
    """
    parts = _split(url)
    if isinstance(parts, str):
        return parts
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ABSOLUTE_EXAMPLE
    if "?" in url or "#" in url:
        return "must not have a query ('?...') or fragment ('#...'); page paths are added to it"
    # the host first: the folder a page name is corrected to below keeps the host as written
    host_problem = (
        _server_problem(parts.netloc) or _ascii_host_problem(parts.netloc) or _dns_name_problem(parts.netloc)
    )
    if host_problem is not None:
        return host_problem
    if any(urllib.parse.unquote(segment) in (".", "..") for segment in parts.path.split("/")):
        return "has '.' or '..' in its path, which browsers resolve away; write the path it means"
    if "//" in parts.path:  # on the 404 page, served at any depth, '//x/' would mean the host x
        return "has an empty segment ('//') in its path; write a single '/'"
    if BAD_ESCAPE_RE.search(parts.path):
        return "has a '%' that is not followed by two hex digits; write it as %25"
    page = parts.path.rsplit("/", 1)[-1]
    if PAGE_NAME_RE.search(page):
        folder = url[: len(url) - len(page)]
        return f"names a page, not the site's folder; write {folder}"
    return None


def normal_base_url(url: str) -> str:
    """`url` (one base_url_problem accepts) as RFC 3986 writes it, ending in '/'.

    Sitemaps, robots.txt and some feed readers take only ASCII addresses, and feed entry ids
    are built on this one, so it is spelled one way: scheme and host in lowercase, the host in
    IDNA ('bücher.example' → 'xn--bcher-kva.example'), no empty or default port (80 for http,
    443 for https), and the path's other characters percent-encoded.
    """
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = parts.netloc.lower().removesuffix(":").removesuffix({"http": ":80", "https": ":443"}[scheme])
    if not netloc.startswith("["):
        host, colon, port = netloc.partition(":")
        netloc = host.encode("idna").decode("ascii") + colon + port
    path = urllib.parse.quote(parts.path, safe="/%!$&'()*+,;=:@~")
    return urllib.parse.urlunsplit((scheme, netloc, path.removesuffix("/") + "/", "", ""))


#: Where an edit link puts the file's path; without it the path is added at the end.
EDIT_PATH = "{path}"


def edit_url_problem(url: str) -> str | None:
    """Why `url` cannot be the site's edit_url, or None when it can.

    Each term's and tool's file path is added at its end, or put where it says {path}: an
    address with a query or fragment needs {path}, or the file's path would land in them.
    """
    parts = _split(url)
    if isinstance(parts, str):
        return parts
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) address, e.g. https://github.com/OWNER/REPO/edit/main/"
    if EDIT_PATH in parts.netloc:
        return f"has {EDIT_PATH} in its host; put it where the file's path goes"
    if url.count(EDIT_PATH) > 1:
        return f"has {EDIT_PATH} more than once; write it once, where the file's path goes"
    if EDIT_PATH not in url and ("?" in url or "#" in url):
        return (
            f"has a query ('?...') or fragment ('#...'); put {EDIT_PATH} where the file's path goes, "
            "e.g. https://bitbucket.org/OWNER/REPO/src/main/{path}?mode=edit"
        )
    if BAD_ESCAPE_RE.search(url):
        return "has a '%' that is not followed by two hex digits; write it as %25"
    return _server_problem(parts.netloc) or _dns_name_problem(parts.netloc)


def link_url_problem(url: str) -> str | None:
    """Why an editor's link (a call-to-action's `url`) would be broken or unsafe, or None.

    Allowed are absolute http(s) addresses with a valid host and port, mailto: addresses, and
    addresses on this site ('/stack-builder/', 'search/', '#faq'). Anything else is refused
    here, at the line it was written on, rather than quietly turned into a dead link later.
    """
    parts = _split(url)
    if isinstance(parts, str):
        return parts
    if parts.scheme in ("http", "https"):
        if not parts.netloc:
            return NO_HOST
        return _server_problem(parts.netloc)
    if parts.scheme == "mailto":
        return None if "@" in parts.path else "needs an e-mail address, e.g. mailto:team@example.com"
    if parts.scheme:
        return "must be an http(s) address, a mailto: address or a path on this site like /pricing/"
    if parts.netloc or url.startswith("//"):
        return PROTOCOL_RELATIVE
    return None


def _server_problem(netloc: str) -> str | None:
    """Why the `host[:port]` part of an http(s) address is not valid, or None.

    urllib accepts almost anything here and only complains (ValueError) when `.port` is read,
    far from the line that was wrong; so host and port are checked by hand, once, up front.
    """
    if "@" in netloc:
        return "must not contain a user name or password (the part before '@')"
    if netloc.startswith("["):
        host, bracket, after = netloc[1:].partition("]")
        if not bracket or not _is_ipv6(host):
            return f"has an invalid IPv6 host '[{host}]'"
        if after and not after.startswith(":"):
            return f"has an invalid host '{netloc}'"
        return _port_problem(after[1:]) if after else None
    host, colon, port = netloc.partition(":")
    if not host:
        return NO_HOST
    if not _is_host_name(host):
        return f"has an invalid host name '{host}'"
    return _port_problem(port) if colon else None


def _split(url: str) -> urllib.parse.SplitResult | str:
    """The parts of `url`, or why it has none: urllib quietly drops tabs and newlines, and
    browsers read a backslash as a slash, so those are refused before splitting."""
    if UNSAFE_CHARACTER_RE.search(url):
        return "must not contain spaces or control characters; write a space as %20"
    if "\\" in url:
        return "must not contain a backslash; write '/' instead"
    try:
        return urllib.parse.urlsplit(url)
    except ValueError:  # an unclosed '[' of an IPv6 host
        return "is not a valid address; check the brackets around its host"


def _ascii_host_problem(netloc: str) -> str | None:
    host = netloc.partition(":")[0]
    if host.startswith("[") or host.isascii():
        return None
    try:
        host.encode("idna")
    except UnicodeError:
        return f"has a host name '{host}' that cannot be written in ASCII (IDNA)"
    return None


def _dns_name_problem(netloc: str) -> str | None:
    """Why the host of a base_url or edit_url is not a name DNS can give an address for (RFC
    952/1123), or None. Links elsewhere may name a host such as 'my_blog.blogspot.com', which
    browsers and some resolvers accept; the site's own address is in every feed, sitemap and
    canonical link, and its repository's editor is a host of its own, so each must be one that
    exists. Letters of other scripts are left to IDNA (_ascii_host_problem)."""
    host = netloc.partition(":")[0]
    if host.startswith("["):
        return None
    wrong = next((c for c in host if c.isascii() and not (c.isalnum() or c in "-.")), None)
    if wrong is None:
        return None
    return (
        f"has an invalid host name '{host}': a host name cannot have '{wrong}'; use letters, digits and '-'"
    )


def _port_problem(port: str) -> str | None:
    if port == "":  # 'example.com:' means the default port (RFC 3986)
        return None
    if PORT_RE.fullmatch(port) and 1 <= int(port) <= 65535:
        return None
    return f"has port '{port}'; a port is a number from 1 to 65535"


def _is_host_name(host: str) -> bool:
    """A DNS name (letters of any script, digits, hyphens, underscores) or a dotted IPv4 address."""
    name = host[:-1] if host.endswith(".") else host
    if not name or len(name) > 253:
        return False
    if IPV4_LIKE_RE.fullmatch(name):
        try:
            ipaddress.IPv4Address(name)
        except ValueError:
            return False
        return True
    return all(_is_label(label) for label in name.split("."))


def _is_label(label: str) -> bool:
    return (
        0 < len(label) <= 63
        and not label.startswith("-")
        and not label.endswith("-")
        and all(c.isalnum() or c in "-_" or unicodedata.category(c) in MARKS for c in label)
    )


def _is_ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True
