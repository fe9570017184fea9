"""Emoji shortcodes are shown as the emoji, as GitHub, Hugo and MkDocs Material show them (was:
shown as written, with a warning to write the emoji)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_problems

TEXT = """Shipped :rocket: with :white_check_mark: tests :+1:, at 10:30:00 on a:b:c.

Not in `:tada:` code, nor in [a link](https://example.org/:tada:/) address.

```
:tada: in a fenced block
```

| Step | Done |
| --- | --- |
| build | :heavy_check_mark: |

An icon :material-github: stays.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_each_known_shortcode_is_its_emoji_and_code_addresses_and_times_are_left_alone(engine: str) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")
    paragraphs = [p.get_text() for p in soup.find_all("p")]
    assert paragraphs[0] == "Shipped \U0001f680 with \u2705 tests \U0001f44d, at 10:30:00 on a:b:c."
    assert [code.get_text() for code in soup.find_all("code")] == [":tada:", ":tada: in a fenced block\n"]
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/:tada:/"]
    assert [td.get_text() for td in soup.find_all("td")] == ["build", "\u2714\ufe0f"]
    assert paragraphs[-1] == "An icon :material-github: stays."


def test_only_a_shortcode_no_emoji_has_is_a_warning_at_its_line() -> None:
    assert [(line, message.split(",")[0]) for line, message in foreign_problems(TEXT, 1)] == [
        (13, "':material-github:' is no emoji's shortcode")
    ]
