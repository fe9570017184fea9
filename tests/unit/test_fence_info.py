"""Fences written for MkDocs Material, Hugo or Docusaurus show their code, highlighted lines and
title, and say what they leave out (was: the build failed on each)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ENGINES, converted, present

from glossary_site import markup
from glossary_site.fence_info import FenceInfo, read_info
from glossary_site.fences import INFO_RE, dropped_attributes, fence_problems, highlighted_lines
from glossary_site.foreign_markdown import foreign_problems


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ('py title="bubble_sort.py"', FenceInfo("py", "bubble_sort.py", "", ())),
        ('py title="a.py" linenums="1" hl_lines="2 3"', FenceInfo("py", "a.py", "2 3", ("linenums",))),
        (
            'go {hl_lines=[2,"4-5"] linenos=true linenostart=199}',
            FenceInfo("go", "", "2 4-5", ("linenos", "linenostart")),
        ),
        ('gotmpl {file="layouts/single.html"}', FenceInfo("gotmpl", "layouts/single.html", "", ())),
        ('js title="x.js" showLineNumbers {1,4-6}', FenceInfo("js", "x.js", "1 4-6", ("showLineNumbers",))),
        ("js{4}", FenceInfo("js", "", "4", ())),
        ("{1,3-4}", FenceInfo("", "", "1 3-4", ())),
        ("{.py} {.js}", FenceInfo("py", "", "", (".js",))),
        ("python {linenos=false}", FenceInfo("python", "", "", ())),
        ('{ .python title="x" #here }', FenceInfo("python", "x", "", ("#here",))),
        ("title='only'", FenceInfo("", "only", "", ())),
        ("toml {style=emacs}", FenceInfo("toml", "", "", ("style",))),
        ('go {linenos=inline, hl_lines=[3, "6-8"]}', FenceInfo("go", "", "3 6-8", ("linenos",))),
        ("sh {copy=true}", FenceInfo("sh", "", "", ())),
        ('sh {copy="false"}', FenceInfo("sh", "", "", ("copy",))),
    ],
)
def test_each_generators_attributes_are_read_for_what_a_page_shows(info: str, expected: FenceInfo) -> None:
    assert read_info(info) == expected


@pytest.mark.parametrize(
    "info",
    ["{admonition} Mind the gap", "{note}", "python some words", 'py hl_lines="1 2', "sh {1-}", "js {{1}}"],
)
def test_words_a_myst_directive_or_a_broken_value_is_not_attributes(info: str) -> None:
    assert read_info(info) is None


TEXT = """Intro.

```py title="shapes.py" linenums="1" hl_lines="2 3"
import numpy as np
x = np.zeros((2, 3))
print(x.shape)
```

## Go

```go {file="<main & co>.go" hl_lines=[1,"3-4"]}
package main
func main() {
    a := 1
    _ = a
}
```

```js {2}
one();
two();
```

Text after **the blocks**.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_the_code_its_highlighted_lines_and_its_title_are_shown_and_the_text_after_it_is_kept(
    engine: str,
) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")

    blocks = soup.find_all("div", class_="highlight")
    assert [block.get_text() for block in blocks] == [
        "import numpy as np\nx = np.zeros((2, 3))\nprint(x.shape)\n",
        "package main\nfunc main() {\n    a := 1\n    _ = a\n}\n",
        "one();\ntwo();\n",
    ]
    marked = [[line.get_text().strip() for line in block.find_all("span", class_="hll")] for block in blocks]
    assert marked == [
        ["x = np.zeros((2, 3))", "print(x.shape)"],
        ["package main", "a := 1", "_ = a"],
        ["two();"],
    ]
    titles = soup.find_all("p", class_="code-title")
    assert [title.get_text() for title in titles] == ["shapes.py", "<main & co>.go"]
    assert [title.find_next_sibling() for title in titles] == blocks[:2]
    assert present(soup.find("h2")).get_text().startswith("Go")
    assert soup.find_all("p")[-1].get_text() == "Text after the blocks."


def test_what_a_fence_leaves_out_is_a_warning_at_its_line_and_not_an_error() -> None:
    assert list(fence_problems(TEXT, 10)) == []
    assert list(dropped_attributes(TEXT)) == [
        (
            2,
            "this code fence's 'linenums' is left out: the theme does not number a block's lines; "
            'point to a line with hl_lines="…" instead',
        )
    ]
    assert [line for line, _ in foreign_problems(TEXT, 10)] == [12]
    other = list(dropped_attributes("```toml {style=emacs}\nx = 1\n```\n"))
    assert other == [
        (
            0,
            "this code fence's 'style' is left out, as it does nothing here: a fence takes a language, "
            'title="…" and hl_lines="…"',
        )
    ]
    asked = "```sh {copy=true}\nls\n```\n\n```sh {copy=false}\nls\n```\n"
    assert list(dropped_attributes(asked)) == [
        (4, "this code fence's 'copy=false' is left out: every code block has a Copy button")
    ]


def test_highlighted_lines_that_name_no_line_are_an_error_as_on_any_fence() -> None:
    problems = list(fence_problems('```go {hl_lines=["5-2"] file="x.go"}\nx\n```\n', 4))
    assert [line for line, _ in problems] == [4]
    assert problems[0][1].startswith('hl_lines="5-2" names no lines')


INDENTED = """1. Install it:

    ```bash title="setup.sh" hl_lines="2"
    python -m venv .venv
    pip install x
    ```

2. Run it.

!!! tip
    ```go {file="main.go"}
    package main
    ```

  ```toml title="site.toml"
  a = 1
  ```
"""


@pytest.mark.parametrize("fast", [True, False])
def test_an_indented_fence_with_a_title_shows_it_above_its_block_where_the_fence_is(fast: bool) -> None:
    """In a list item, in an admonition, and indented by 2 at the top, as MkDocs Material
    writes them (was: shown as text, with a warning)."""
    soup = BeautifulSoup(markup.Converter(fast=fast).convert_text(INDENTED, 1)[0], "html.parser")

    titles = soup.find_all("p", class_="code-title")
    assert [title.get_text() for title in titles] == ["setup.sh", "main.go", "site.toml"]
    blocks = [present(title.find_next_sibling()) for title in titles]
    assert [block.get_text() for block in blocks] == [
        "python -m venv .venv\npip install x\n",
        "package main\n",
        "a = 1\n",
    ]
    holders = [present(title.parent) for title in titles[:2]]
    assert [holder.name for holder in holders] == ["li", "div"]
    assert "admonition" in holders[1]["class"]
    assert [line.get_text().strip() for line in blocks[0].find_all("span", class_="hll")] == ["pip install x"]
    items = [item.get_text().strip().split("\n")[0] for item in soup.find_all("li")]
    assert items == ["Install it:", "Run it."]
    assert list(foreign_problems(INDENTED, 1)) == []


PIECES = st.sampled_from(
    [
        *('title="a b.py"', "file='x'", "{", "}", 'hl_lines=[1,"2-3"]', 'hl_lines="2"', "{1,3-4}"),
        *(".cls", "#id", "linenos=true", "showLineNumbers", "style=emacs", 'linenums="1"', "{.py}", "="),
    ]
)
ATTRIBUTES = st.lists(
    st.one_of(PIECES, st.text(alphabet=" {}[]=,.\"'#-_.0123456789abcxyz", max_size=8)), max_size=6
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(language=st.sampled_from(["", "py", "go-html-template", "c++", ".js"]), rest=ATTRIBUTES)
def test_any_fence_read_for_another_generator_is_one_the_engine_reads(language: str, rest: str) -> None:
    """Whatever follows the language: read_info reads it or leaves it to be reported, and a
    fence it reads, with lines the check lets through, is written as the engine reads one, with
    its code shown as code and the text after it kept."""
    info = f"{language} {rest}"
    found = read_info(info)
    if found is None or highlighted_lines(found.hl_lines, 1) is None:
        return
    assert INFO_RE.fullmatch(found.fence("```")[3:]), found
    page = markup.site_markdown(f"```{info}\nx = 1\n```\n\nAfter.\n", "")
    soup = BeautifulSoup(page, "html.parser")
    assert [block.get_text() for block in soup.find_all("div", class_="highlight")] == ["x = 1\n"]
    assert soup.find_all("p")[-1].get_text() == "After."


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_in_braces_alone_is_shown_above_its_block(engine: str) -> None:
    """Was: `{.python title="app.py"}`, as MkDocs Material writes it, went to the engine, which
    read the language and dropped the title without a word."""
    text = (
        '```{.python title="app.py"}\nprint(1)\n```\n\n'
        '```{ .go file="main.go" hl_lines="1" }\npackage main\n```\n'
    )
    soup = BeautifulSoup(converted(engine, text), "html.parser")

    assert [title.get_text() for title in soup.find_all("p", class_="code-title")] == ["app.py", "main.go"]
    blocks = soup.find_all("div", class_="highlight")
    assert present(blocks[0].find("span", class_="nb")).get_text() == "print"  # read as Python
    assert [len(block.find_all("span", class_="hll")) for block in blocks] == [0, 1]
    assert list(dropped_attributes(text)) == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "attribute",
    ['style="x"', 'lang="go"', 'src="x"', 'pygments_style="nope"', 'tabsize="x"', 'encoding="x"',
     'css_class="x"', 'nowrap="true"', 'noclasses="true"', 'tagsfile="tags"'],
)  # fmt: skip
def test_an_attribute_in_braces_that_only_pygments_reads_is_left_out_with_a_warning(
    engine: str, attribute: str
) -> None:
    """Was: the engine gave every key in a fence's braces to Pygments as an option: `style=` or
    `lang=` stopped the build with a traceback, `css_class=` or `nowrap=` made a block the theme
    could not style, all without a word."""
    text = f"```{{ .python {attribute} }}\nprint(1)\n```\n"
    block = present(BeautifulSoup(converted(engine, text), "html.parser").find("div", class_="highlight"))

    assert block.get("class") == ["highlight"]
    assert present(block.find("span", class_="nb")).get_text() == "print"
    key = attribute.partition("=")[0]
    assert [
        message.startswith(f"this code fence's '{key}' is left out")
        for _, message in dropped_attributes(text)
    ] == [True]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["style", "lang", "src", "encoding", "tabsize"])
def test_a_name_alone_in_braces_is_shown_as_code_not_given_to_pygments(engine: str, name: str) -> None:
    """Was: ```{style} (a MyST directive's form) stopped the build with a TypeError: the stock
    fence stage gave Pygments `style="style"` beside its own."""
    text = f"```{{{name}}}\nplain words\n```\n"
    block = present(BeautifulSoup(converted(engine, text), "html.parser").find("div", class_="highlight"))

    assert block.get_text() == "plain words\n"
    assert [message.split(" is ")[0] for _, message in foreign_problems(text, 1)] == [f"'```{{{name}}}'"]
