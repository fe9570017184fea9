"""Code fences the Markdown engine would not read are found at their lines, and only those."""

from __future__ import annotations

import pytest

from glossary_site import markup
from glossary_site.fences import unread_fences

GOOD = [
    "```\ncode\n```",
    "```python\ncode\n```",
    "``` python\ncode\n```",
    "~~~~ .python\ncode\n~~~~",
    '```python hl_lines="1 2"\ncode\n```',
    '```{.python hl_lines="1"}\ncode\n```',
    # code that shows a fence written for another generator is only code
    '````markdown\n```python title="app.py"\nx = 1\n```\n````',
    "Text with ``` in it, and ``inline`` code.",
    "```print()``` writes a line.\n\n```\ncode\n```",
    "``` is how a fence starts, as the last line",
]


@pytest.mark.parametrize("text", GOOD)
def test_fences_the_engine_reads_and_code_that_shows_them_are_not_reported(text: str) -> None:
    assert list(unread_fences(text)) == []


def test_each_fence_written_for_another_generator_is_found_at_its_line() -> None:
    text = 'Intro.\n\n```python title="app.py"\nx = 1\n```\n\n## Next\n\n```js linenums="1"\ny\n```\n'
    assert list(unread_fences(text)) == [(2, 'title="app.py"'), (8, 'linenums="1"')]


def test_what_is_reported_is_what_the_engine_garbles() -> None:
    """The check follows the engine: a fence it reports swallows the heading after it."""
    text = '```python title="app.py"\nx = 1\n```\n\n## Next\n\nText.\n\n```\ny\n```\n'
    assert "<h2" not in markup.site_markdown(text, "")
    assert "<h2" in markup.site_markdown(text.replace(' title="app.py"', ""), "")
    assert list(unread_fences(text)) == [(0, 'title="app.py"')]
