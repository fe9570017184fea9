"""quick_markdown: the text-gated stages are used only with the Python-Markdown releases they are
tested with, and `markup.Converter(fast=False)` really is the stock engine the tests compare with.

That they convert exactly like the stock stages is tested in test_markup.py and in the fuzz tests
(`test_fast_engine_converts_like_python_markdowns_stock_stages`, both)."""

from __future__ import annotations

import tomllib
import warnings
from typing import Any

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown import inlinepatterns
from markdown.inlinepatterns import LinkInlineProcessor
from support import PROJECT, stops_within

from glossary_site import markup, quick_markdown
from glossary_site.model import TermSource

BODY = """\
# Heading

Text with *emphasis*, a [link](https://example.org), `code` and a\\*escape.

| a | b |
|---|---|
| 1 | 2 |

```python
print("hi")
```
"""


def test_the_installed_markdown_is_a_release_the_text_gated_stages_are_tested_with() -> None:
    """Fails when a new Python-Markdown arrives: test the stages with it, then widen the range."""
    assert quick_markdown.is_tested(markdown.__version__), (
        f"Python-Markdown {markdown.__version__} is outside markdown{quick_markdown.TESTED_MARKDOWN}"
    )


def test_pyproject_requires_the_releases_the_stages_are_tested_with() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert f"markdown{quick_markdown.TESTED_MARKDOWN}" in project["dependencies"]


@pytest.mark.parametrize(
    ("version", "tested"),
    [
        ("3.11.3", True),
        ("3.11.3.post1", True),
        ("3.11.10", True),
        ("3.11.2", False),
        ("3.5", False),
        ("3.12", False),
        ("3.12.0rc1", False),
        ("3.12.0.dev0", False),
        ("4.0", False),
        ("", False),
    ],
)
def test_tested_range_bounds(version: str, tested: bool) -> None:
    assert quick_markdown.is_tested(version) is tested


def stages(converter: markup.Converter) -> list[Any]:
    md = converter.md
    return [*md.preprocessors, *md.parser.blockprocessors, *md.treeprocessors, *md.inlinePatterns]


def from_quick_markdown(stage: Any) -> bool:
    return type(stage).__module__ == quick_markdown.__name__


def test_only_the_fast_engine_has_text_gated_stages() -> None:
    """The equivalence tests mean something only if `fast=False` really is the stock engine."""
    assert any(map(from_quick_markdown, stages(markup.Converter(fast=True))))
    assert not any(map(from_quick_markdown, stages(markup.Converter(fast=False))))


# Each case a version no other test uses: the warning is given once per version and process.
@pytest.mark.parametrize("version", ["3.12.0", "4.0.1", "3.11.2"])
def test_an_untested_markdown_gets_the_stock_stages_and_one_warning(
    version: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(markdown, "__version__", version)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        converters = [markup.Converter(fast=True), markup.Converter(fast=True)]
    assert [(w.category, version in str(w.message)) for w in caught] == [(RuntimeWarning, True)]
    assert "markdown" + quick_markdown.TESTED_MARKDOWN in str(caught[0].message)
    term = TermSource("t.md", "t", "T", "s", "d", 4, BODY, 6)
    expected = markup.Converter(fast=False).convert_term(term)
    for converter in converters:
        assert not any(map(from_quick_markdown, stages(converter)))
        assert converter.convert_term(term) == expected


STOCK_BRACKET_ENDS = getattr(inlinepatterns.LinkInlineProcessor, "_findBracketEnds", None)
needs_bracket_ends = pytest.mark.skipif(
    STOCK_BRACKET_ENDS is None, reason="this Python-Markdown finds closing brackets another way"
)


@needs_bracket_ends
@given(st.text(st.sampled_from("[]a\\!("), max_size=60))
def test_bracket_ends_finds_where_each_bracket_closes_as_the_stock_scan_does(data: str) -> None:
    assert quick_markdown.bracket_ends(data) == STOCK_BRACKET_ENDS(data)  # type: ignore[misc]


@needs_bracket_ends
def test_the_fast_engines_link_patterns_find_closing_brackets_with_bracket_ends() -> None:
    """Was: the stock character loop, run again after every change to a paragraph, with which
    Python-Markdown 3.11.4 converted text with many links 1.65 times slower than 3.11.3."""
    links = [p for p in markup.Converter(fast=True).md.inlinePatterns if isinstance(p, LinkInlineProcessor)]
    assert len(links) >= 4
    assert all(vars(pattern)["_findBracketEnds"] is quick_markdown.bracket_ends for pattern in links)
    body = "A [link [nested]](/x/) and [open [one](/y/) ![i](/z.png)"
    term = TermSource("t.md", "t", "T", "s", "d", 4, body, 6)
    assert markup.Converter(fast=True).convert_term(term) == markup.Converter(fast=False).convert_term(term)


def test_many_fences_that_nothing_closes_convert_in_linear_time() -> None:
    """The stock fenced code stage searched to the end of the text from each opening fence:
    20,000 that no line closes took 25 s to convert. With no line that is a fence alone, which
    ends every block it reads, it is passed over."""
    term = TermSource("t.md", "t", "T", "s", "d", 4, "~~~x\n" * 20_000, 6)
    with stops_within(10):
        html = markup.Converter(fast=True).convert_term(term).body
    assert "<pre" not in html and html.count("~~~x") == 20_000
