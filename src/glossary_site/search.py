"""The client-side search index: one small record per term, loaded by the search page."""

from __future__ import annotations

import html
import json
import re

from glossary_site.model import Glossary
from glossary_site.urls import term_path

TAG_RE = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    return html.unescape(TAG_RE.sub("", fragment)).strip()


def index_script(glossary: Glossary, definitions: dict[str, str]) -> str:
    """A script, not JSON, so the search page also works when the site is opened from disk."""
    records = [
        {
            "t": term.title,
            "a": list(term.aliases),
            "s": term.summary,
            "d": plain_text(definitions[term.slug]),
            "u": term_path(term.slug),
        }
        for term in glossary.terms.values()
    ]
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    return "window.GLOSSARY_SEARCH = " + data.replace("</", "<\\/") + ";\n"
