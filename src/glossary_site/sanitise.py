"""Raw HTML in an editor's Markdown made safe to publish: the one job of `sanitise`.

Markdown lets an editor write any HTML, and a glossary takes terms from many editors. nh3
(the Rust ammonia library) keeps the elements and attributes listed here and drops anything
active. Around it: table alignment, the one style Markdown writes, becomes a class first; then
the theme's own classes, a quotation source with a scheme no link may have and characters no
page may hold are removed, and spaces around an address trimmed, as browsers trim them.
"""

from __future__ import annotations

import functools
import re

import nh3

from glossary_site.foreign_markdown import KEPT_TAGS
from glossary_site.formulas import MATHML_ATTRIBUTES
from glossary_site.front_matter import FORBIDDEN_CHARACTER_RE
from glossary_site.heading_attributes import CONTENTS_LABEL
from glossary_site.html_tags import in_tags

#: The one style Markdown writes itself (a table column's alignment).
_ALIGN_RE = re.compile(r'style="text-align: (left|right|center);"')
#: nh3 checks the scheme of links and images but not of a quotation's source; the same schemes
#: are kept there, so no page carries a `javascript:` address in any attribute.
_UNSAFE_CITE_RE = re.compile(r' cite="(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:[^"]*"')
#: An address with spaces around it, which browsers strip (`<a href=" /terms/gpu/">`): trimmed,
#: it is read, checked and made relative as they read it, not as a relative ' /terms/gpu/'.
_PADDED_URL_RE = re.compile(r'\b(href|src|cite)="([\t\n\f\r ][^"]*|[^"]*[\t\n\f\r ])"')
#: Any attribute's value so padded: what starts with a literal ('="') is found seven times faster
#: than what starts with a word boundary, and most fragments hold no such value at all.
_PADDED_VALUE_RE = re.compile(r'="(?:[\t\n\f\r ]|[^"]*[\t\n\f\r ]")')
_ASCII_SPACES = " \t\n\f\r"
#: The classes the build marks its own links with and the theme's scripts find elements by
#: (preview.js shows the title of an `a.wikilink` as a term's summary; page.js, stack-builder.js).
#: In an editor's HTML one would pass for the site's own, so sanitise removes them; other classes
#: stay, for a site's own CSS.
THEME_CLASSES = frozenset(
    {
        "wikilink", "autolink", "toollink", "wikilink-missing", "term-preview", "toc", "faq",
        "table-scroll", "term-run", "graph-scroll", "graph-node", "stack-form", "stack-layer",
        "stack-pick", "stack-candidates", "stack-status", "stack-reset",
    }
)  # fmt: skip
_THEME_CLASS_RE = re.compile(  # a literal start, which re finds ten times faster than a \b
    r' class="[^"]*?(?<![^\s"])(?:{})(?![^\s"])'.format("|".join(sorted(THEME_CLASSES)))
)
_CLASS_RE = re.compile(r' class="([^"]*)"')
#: An id HTML does not allow: empty, or holding a space (custom_ids.malformed_ids warns of it).
_MALFORMED_ID_RE = re.compile(r' id="(?:[^"]*[\t\n\f\r ][^"]*)?"')
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "details": {"open"},
    "time": {"datetime"},
    **{f"h{level}": {CONTENTS_LABEL} for level in range(1, 7)},
    **MATHML_ATTRIBUTES,
}


def sanitise(fragment: str) -> str:
    """Raw HTML in Markdown comes from many editors; keep structure, drop anything active.

    No style attribute survives, so pages work under a Content-Security-Policy without
    'unsafe-inline'; the one style Markdown writes itself, table alignment, becomes a class.
    """
    if "text-align" in fragment:
        fragment = in_tags(fragment, lambda tag: _ALIGN_RE.sub(r'class="align-\1"', tag))
    clean = _cleaner().clean(fragment)
    if _THEME_CLASS_RE.search(clean):  # after nh3, which reads `&#119;ikilink` as the browser does
        clean = in_tags(clean, lambda tag: _CLASS_RE.sub(_without_theme_classes, tag))
    if _PADDED_VALUE_RE.search(clean):  # first: ' javascript:…' is a scheme once trimmed
        clean = in_tags(clean, lambda tag: _PADDED_URL_RE.sub(_trimmed_url, tag))
    clean = _UNSAFE_CITE_RE.sub("", clean) if ' cite="' in clean else clean
    clean = _MALFORMED_ID_RE.sub("", clean)
    # nh3 writes a reference such as '&#27;' as its character, which no page may hold
    return FORBIDDEN_CHARACTER_RE.sub("", clean) if "&#" in fragment else clean


def _without_theme_classes(match: re.Match[str]) -> str:
    kept = " ".join(name for name in match.group(1).split() if name not in THEME_CLASSES)
    return f' class="{kept}"' if kept else ""


def _trimmed_url(match: re.Match[str]) -> str:
    return f'{match.group(1)}="{match.group(2).strip(_ASCII_SPACES)}"'


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """Built once: handing the allow-lists to nh3 on every call costs more than cleaning."""
    return nh3.Cleaner(
        tags=set(KEPT_TAGS), attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel=None
    )
