"""Bare web addresses, `\\` line breaks and `~~strikethrough~~`, written as in Hugo and GitHub,
in a built site."""

from __future__ import annotations

from pathlib import Path

from support import parse_html, present, run_glossary, write_files

TERM = """\
---
title: Transformer
summary: The neural network architecture behind most language models.
definition: A transformer is a neural network built on attention.
tables:
  - title: Where to read more
    columns: [Paper, Address]
    rows:
      - ["Attention Is All You Need", "www.arxiv.org/abs/1706.03762"]
      - ["Corrections", "editor@example.org"]
      - ["Reviewed", ":white_check_mark:"]
updated: 2026-12-07
---

The paper is at https://arxiv.org/abs/1706.03762, from ~~2016~~ 2017. Corrections to
editor@example.org.

It changed the field :tada: by 10:30:00.

Google Brain\\
Mountain View, California

| Step | Command |
| --- | --- |
| count the lines | `wc -l \\| sort` |

See [`wc`][] for its options.

> [!TIP]
> Count words with `wc -w`.

[`wc`]: https://man7.org/linux/man-pages/man1/wc.1.html
"""


def test_bare_addresses_are_links_a_backslash_breaks_the_line_and_tildes_strike(tmp_path: Path) -> None:
    """Were shown as written: the address as text to copy, the backslash with no break, the
    tildes with a warning; and `\\|` in a cell's code, a reference link with code in its label,
    a GitHub alert (a quotation starting '[!TIP]'), emoji shortcodes (with a warning each)."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Models\nbase_url: https://models.example.com/\n",
            "content/terms/transformer.md": TERM,
        },
    )
    built = run_glossary("build", "--no-search", cwd=site)

    assert built.returncode == 0, built.stderr
    article = present(parse_html(site / "_site/terms/transformer/index.html").select_one("article"))
    paper = present(article.select_one("p:-soup-contains('The paper is at')"))
    link = present(paper.find("a"))
    assert (link.get_text(), link["href"]) == (
        "https://arxiv.org/abs/1706.03762",
        "https://arxiv.org/abs/1706.03762",
    )
    assert " ".join(paper.get_text().split()) == (
        "The paper is at https://arxiv.org/abs/1706.03762, from 2016 2017. Corrections to editor@example.org."
    )
    mail = present(paper.find("a", href="mailto:editor@example.org"))
    assert mail.get_text() == "editor@example.org"
    assert present(paper.find("del")).get_text() == "2016"
    assert "strikethrough" not in built.stderr  # was "'~~2016~~' (strikethrough) is not converted …"
    mail_cell = present(article.select_one("table td:-soup-contains('editor@example.org') a"))
    assert mail_cell["href"] == "mailto:editor@example.org"  # a cell, as the body links it
    cell = present(article.select_one("table td:-soup-contains('www.arxiv.org') a"))
    assert (cell.get_text(), cell["href"]) == (
        "www.arxiv.org/abs/1706.03762",
        "https://www.arxiv.org/abs/1706.03762",
    )
    address = present(article.select_one("p:-soup-contains('Google Brain')"))
    assert address.find("br") is not None
    assert [line.strip() for line in address.get_text().split("\n")] == [
        "Google Brain",
        "Mountain View, California",
    ]
    assert "\\" not in address.get_text()
    assert present(article.select_one("table td code")).get_text() == "wc -l | sort"
    changed = present(article.select_one("p:-soup-contains('It changed the field')"))
    assert changed.get_text() == "It changed the field \U0001f389 by 10:30:00."
    assert present(article.select_one("table td:-soup-contains('\u2705')")).get_text() == "\u2705"
    assert "emoji" not in built.stderr
    tip = present(article.select_one("div.admonition.tip"))
    assert [p.get_text() for p in tip.find_all("p")] == ["Tip", "Count words with wc -w."]
    assert article.find("blockquote") is None
    manual = present(article.select_one("p:-soup-contains('for its options') a"))
    assert (manual.get_text(), manual["href"]) == ("wc", "https://man7.org/linux/man-pages/man1/wc.1.html")
