"""feeds: each entry's content has absolute links, and its text is shown as written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from bs4 import BeautifulSoup

from glossary_site import feeds, graph
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import TermSource


def test_entry_links_are_made_absolute_and_link_like_code_is_left_as_written(
    make_term: Callable[..., TermSource], site_config: SiteConfig
) -> None:
    glossary = graph.build_glossary(
        [make_term("gpu", "GPU", updated=dt.date(2025, 1, 2))], site_config, Diagnostics()
    )
    converted = '<p><a href="../tpu/index.html">TPU</a> <code>&lt;a href="../x/"&gt;</code> src="y.png"</p>'

    entry = feeds.feed_view(site_config, glossary, lambda slug: converted)["entries"][0]

    content = BeautifulSoup(entry["content"], "html.parser")
    assert content.a is not None and content.a["href"] == "https://glossary.example.com/docs/terms/tpu/"
    assert content.code is not None and content.code.get_text() == '<a href="../x/">'
    assert content.get_text().endswith(' src="y.png"')


def test_entry_links_under_a_base_url_with_an_ampersand_lead_there_in_a_feed_reader(
    make_term: Callable[..., TermSource], site_config: SiteConfig
) -> None:
    """Was: href="https://example.org/r&copy/terms/tpu/…", which HTML reads as 'r©/terms/…'."""
    base = "https://example.org/r&copy/"
    config = dataclasses.replace(site_config, base_url=base)
    glossary = graph.build_glossary(
        [make_term("gpu", "GPU", updated=dt.date(2025, 1, 2))], config, Diagnostics()
    )
    converted = '<p><a href="../tpu/index.html?a=1&amp;b=2">TPU</a> <img src="x.png" alt=""></p>'

    entry = feeds.feed_view(config, glossary, lambda slug: converted)["entries"][0]

    content = BeautifulSoup(entry["content"], "html.parser")
    assert content.a is not None and content.a["href"] == f"{base}terms/tpu/index.html?a=1&b=2"
    assert content.img is not None and content.img["src"] == f"{base}terms/gpu/x.png"
