"""Code blocks written as MkDocs Material and Hugo write them, built as a user builds a site."""

from __future__ import annotations

from pathlib import Path

from support import parse_html, present, run_glossary, write_files

STEPS = """\
---
title: Install
summary: How to install the tool.
definition: The steps that put the tool on a machine.
updated: 2026-12-07
---

1. Install it:
   ```bash
   pip install glossary-site
   ```
2. Preview the site:

    ```bash
    glossary serve
    ```

!!! tip
    ```yaml title="site.yml" linenums="1"
    language: en
    ```

See [[Serve]].
"""

SERVE = """\
---
title: Serve
summary: The live preview.
definition: A preview that rebuilds on every save.
updated: 2026-12-07
---

See [[Install]].
"""


def test_a_fence_indented_in_a_list_item_is_built_into_the_item_without_a_word(tmp_path: Path) -> None:
    """Was a warning per fence and the fences shown as text (and a fence with a title shown as
    text until it was read: now its title is a bar above its block, in the box); line numbers,
    which the theme does not draw, are a warning at the fence's line."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Tools\nbase_url: https://tools.example.com/\n",
            "content/terms/install.md": STEPS,
            "content/terms/serve.md": SERVE,
        },
    )
    built = run_glossary("build", "--no-search", cwd=site)

    assert built.returncode == 0, built.stderr
    fences = [line for line in built.stderr.splitlines() if "code fence" in line]
    assert fences == [
        "content/terms/install.md:19: warning: this code fence's 'linenums' is left out: the theme does "
        'not number a block\'s lines; point to a line with hl_lines="…" instead'
    ]
    page = parse_html(site / "_site/terms/install/index.html")
    items = page.select("article ol > li")
    assert [present(item.select_one("pre")).get_text() for item in items] == [
        "pip install glossary-site\n",
        "glossary serve\n",
    ]
    assert "```" not in present(page.select_one("article")).get_text()
    title = present(page.select_one("article .admonition p.code-title"))
    assert title.get_text() == "site.yml"
    assert present(title.find_next_sibling("div", class_="highlight")).get_text() == "language: en\n"
