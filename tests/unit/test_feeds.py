"""feeds: each entry's content has absolute links, and its text is shown as written."""

from __future__ import annotations

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
    assert (
        content.a is not None
        and content.a["href"] == "https://glossary.example.com/docs/terms/tpu/index.html"
    )
    assert content.code is not None and content.code.get_text() == '<a href="../x/">'
    assert content.get_text().endswith(' src="y.png"')
