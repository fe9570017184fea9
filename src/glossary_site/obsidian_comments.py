"""Obsidian's comments, `%% a note to self %%` (on one line or over several), are left out of the
page, as Obsidian leaves them out of its reading view and as an HTML comment is left out.

Python-Markdown showed them as text: an editor's private notes, published. Code (a code span, a
fenced or indented block) that shows `%%` is left as written. The comment's line breaks are
kept, so the lines after it keep their numbers.
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

from glossary_site.fences import outside_code

#: A comment: from `%%` to the next `%%`, over line breaks too.
COMMENT_RE = re.compile(r"%%.*?%%", re.DOTALL)


def without_comments(lines: list[str]) -> list[str]:
    """The lines with each comment outside code blanked to its line breaks."""
    if not any("%%" in line for line in lines):
        return lines
    free = {index for index, _ in outside_code(lines)}
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def kept(found: re.Match[str]) -> str:
        index = text.count("\n", 0, found.start())
        column = found.start() - starts[index]
        if index not in free or lines[index][:column].count("`") % 2:  # in a code block or span
            return found.group(0)
        return "\n" * found.group(0).count("\n")

    return COMMENT_RE.sub(kept, text).split("\n")


class ObsidianComments(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return without_comments(lines)


class ObsidianCommentsExtension(markdown.Extension):
    """Before every stage that reads the text's blocks (alerts, tabs, lists, fences)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(ObsidianComments(md), "glossary-obsidian-comments", 29.9)
