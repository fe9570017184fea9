"""Small builders for unit tests: term records, a site configuration, a cache reopened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glossary_site.cache import Cache
from glossary_site.config import SiteConfig
from glossary_site.model import CtaBlock, TermSource

STACK_BUILDER = CtaBlock(
    heading="Ready to put this to work?",
    text="A few answers, a tool for each layer.",
    button="Plan my stack",
    url="/stack-builder/",
)


@pytest.fixture()
def site_config(tmp_path: Path) -> SiteConfig:
    """A site served from a sub-path, with one call-to-action block shown by default."""
    return SiteConfig(
        root=tmp_path,
        title="AI Glossary",
        base_url="https://glossary.example.com/docs/",
        description="Plain-language definitions.",
        cta_default="stack-builder",
        cta_blocks={"stack-builder": STACK_BUILDER},
    )


@pytest.fixture()
def make_term() -> Callable[..., TermSource]:
    """A valid term whose fields can be overridden; the definition is on line 4, the body on 10."""

    def make(slug: str, title: str | None = None, **fields: Any) -> TermSource:
        values: dict[str, Any] = {
            "path": f"content/terms/{slug}.md",
            "slug": slug,
            "title": title if title is not None else slug.replace("-", " ").title(),
            "summary": f"Summary of {slug}.",
            "definition": f"Definition of {slug}.",
            "definition_line": 4,
            "body": "",
            "body_line": 10,
        }
        values.update(fields)
        return TermSource(**values)

    return make


@pytest.fixture()
def reopen_cache() -> Callable[[Path], Cache]:
    """The cache in a folder as the next build opens it, its index read so notes are known."""

    def reopen(folder: Path) -> Cache:
        opened = Cache(folder)
        assert isinstance(opened.entries, dict)  # the index is read on first use
        return opened

    return reopen
