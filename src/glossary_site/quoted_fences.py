"""A quotation's text read as the top level's is: fenced code, lists nested by 2 spaces, tables.

Python-Markdown reads a fence only at the start of a line, and a quotation's lines start with
'>': a fenced block in one (`> ```python`) came out as one paragraph of inline code
("python y = 2"), with no word; and the stages that nest lists by 2 spaces as CommonMark does
(commonmark_lists) and keep an indented fence in its list item (indentation) read only lines
that start at the margin. `QuotedFences` hands each quotation's text, without its '>'s, to
those stages and to the fence stages, quotations in quotations first, and puts the '>'s back:
a fenced block is then kept aside as at the top level, and its stand-in quoted. A quotation
shown in code is left as written.
"""

from __future__ import annotations

import markdown
from markdown.preprocessors import Preprocessor

from glossary_site.fences import QUOTE_MARK_RE, quotations
from glossary_site.indentation import FENCE_STAGES

#: The stages, after this one, that read the top level's text as a quotation's needs it read.
_STAGES = (
    "glossary-tables-after-text",
    "glossary-commonmark-lists",
    "glossary-indented-fences",
    *FENCE_STAGES,
)


class QuotedFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(">" in line and QUOTE_MARK_RE.match(line) for line in lines):
            return lines
        written = list(lines)
        for start, end, text in reversed(list(quotations(lines))):  # from the last: the rest stay put
            inner = self.run(text)
            for name in _STAGES:
                if name in self.md.preprocessors:
                    inner = self.md.preprocessors[name].run(inner)
            # no '>' line at its ends, which would keep a stand-in's paragraph from being only it
            inner = "\n".join(inner).strip("\n").split("\n")
            if inner != text:
                first = lines[start]
                indent = " " * (len(first) - len(first.lstrip(" ")))  # in its list item, say
                written[start:end] = [f"{indent}> {line}".rstrip() for line in inner]
        return written


class QuotedFencesExtension(markdown.Extension):
    """After GitHub's alerts are admonitions (29.5), before lists are re-indented (29)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(QuotedFences(md), "glossary-quoted-fences", 29.4)
