"""`glossary new`: a term file with every field stubbed, so editors see the whole format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from glossary_site.content import TERMS_DIR, slugify

STUB = """\
---
title: {title_yaml}
summary: TODO one line summary
definition: |
  TODO two to four sentences defining **{title}**.
aliases: {aliases}
category: {category}
tags: []
related: {related}  # slugs, titles or aliases of other terms, e.g. [large-language-model]
# tables:
#   - title: TODO table title
#     columns: [Column A, Column B]
#     rows:
#       - [cell, cell]
# faq:
#   - q: TODO a practice question?
#     a: TODO its answer.
# sources:
#   - title: TODO source title
#     url: https://example.com/
# cta: false        # or the name of a block in content/site.yml
updated: {today}
draft: false
# Below: the body in Markdown. Link other terms with [[Term title]] or [[slug|shown text]].
---

TODO the body in Markdown.
"""


class ScaffoldRefused(Exception):
    pass


def new_term(
    root: Path,
    title: str,
    today: dt.date | None = None,
    category: str | None = None,
    related: list[str] | None = None,
    aliases: list[str] | None = None,
) -> Path:
    """Values are written as JSON, which is YAML too, so any title or name stays valid."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldRefused(f"cannot make a file name from {title!r}; use letters or digits")
    path = root / TERMS_DIR / f"{slug}.md"
    if path.exists():
        raise ScaffoldRefused(f"{path} already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = STUB.format(
        title=title,
        title_yaml=json.dumps(title, ensure_ascii=False),
        category=json.dumps(category, ensure_ascii=False) if category else "TODO",
        related=json.dumps(related or [], ensure_ascii=False),
        aliases=json.dumps(aliases or [], ensure_ascii=False),
        today=(today or dt.date.today()).isoformat(),
    )
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
