"""feed.xml (Atom): the most recently updated terms, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from glossary_site.config import SiteConfig
from glossary_site.model import Glossary
from glossary_site.urls import absolute, term_path

FEED_SIZE = 20


def feed_view(config: SiteConfig, glossary: Glossary, definition: Callable[[str], str]) -> dict[str, Any]:
    """Undated terms are left out: an Atom entry needs a date, and we never invent one."""
    dated = [t for t in glossary.terms.values() if t.updated]
    dated.sort(key=lambda t: (-t.updated.toordinal() if t.updated else 0, t.title.casefold(), t.slug))
    entries = [
        {
            "title": t.title,
            "url": absolute(config, term_path(t.slug)),
            "updated": _timestamp(t.updated),
            "summary": t.summary,
            "content": definition(t.slug),
        }
        for t in dated[:FEED_SIZE]
    ]
    newest = dated[0].updated if dated else dt.date(1970, 1, 1)
    return {
        "feed_url": absolute(config, "feed.xml"),
        "home_url": config.base_url,
        "updated": _timestamp(newest),
        "entries": entries,
    }


def _timestamp(day: dt.date | None) -> str:
    return f"{day.isoformat()}T00:00:00Z" if day else ""
