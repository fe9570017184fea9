"""Lists as CommonMark reads them (Hugo, GitHub, Prettier), built as a user builds a site."""

from __future__ import annotations

from pathlib import Path

from support import parse_html, present, run_glossary, write_files

RECIPE = """\
---
title: Fine-tuning
summary: Adapting a trained model to a narrower task.
definition: Training a pre-trained model further on a smaller, task-specific dataset.
updated: 2026-12-07
---

1) Collect examples:
   - prompts
   - the answers wanted
     - written by experts
2) Train.

   Start from the checkpoint, with a lower learning rate.

   ```bash
   train --from checkpoint
   ```

Read next:
- [[Inference]]
"""

INFERENCE = """\
---
title: Inference
summary: Running a trained model.
definition: Using a trained model to produce outputs.
updated: 2026-12-07
---

See [[Fine-tuning]].
"""


def test_lists_nested_by_2_and_3_spaces_or_under_text_are_built_as_lists_without_a_word(
    tmp_path: Path,
) -> None:
    """Was a warning per nested item, and one flat list on the page, the step's second
    paragraph and code shown after the list; a list right under text was run into it; a list
    numbered `1)` was text."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Models\nbase_url: https://models.example.com/\n",
            "content/terms/fine-tuning.md": RECIPE,
            "content/terms/inference.md": INFERENCE,
        },
    )
    built = run_glossary("build", "--no-search", cwd=site)

    assert built.returncode == 0, built.stderr
    assert "indented" not in built.stderr  # was "this list item is indented 2 spaces, …"
    body = present(parse_html(site / "_site/terms/fine-tuning/index.html").select_one("article ol"))
    steps = body.find_all("li", recursive=False)
    assert len(steps) == 2
    kinds = present(steps[0].find("ul", recursive=False)).find_all("li", recursive=False)
    assert [kind.get_text(" ", strip=True) for kind in kinds] == [
        "prompts",
        "the answers wanted written by experts",
    ]
    assert present(kinds[1].select_one("ul > li")).get_text(strip=True) == "written by experts"
    assert [p.get_text() for p in steps[1].find_all("p")] == [
        "Train.",
        "Start from the checkpoint, with a lower learning rate.",
    ]
    assert present(steps[1].select_one("pre")).get_text() == "train --from checkpoint\n"
    after = present(body.find_next_sibling("p"))
    assert after.get_text() == "Read next:"
    link = present(present(after.find_next_sibling("ul")).select_one("li > a"))
    assert (link.get_text(), link["href"]) == ("Inference", "../inference/index.html")
