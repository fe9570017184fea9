"""A picture's size in an attribute list right after it, as MkDocs (attr_list) writes it, is
the picture's width and height; any other list is left as written (and warned of)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

TEXT = """\
![Chart](/images/c.png){ width="300" } and ![A](a.png){width=30 height='20'} after.

![Left](b.png){ align=left width=3 } and ![Wide](w.png){ width="50%" }.

![Referenced][c]{: height="5" } in [![Linked](d.png){ width=7 }](https://example.org).

`![Code](e.png){ width=1 }` and ![Apart](f.png) { width=2 }

[c]: c.png
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_size_after_a_picture_is_its_width_and_height(engine: str) -> None:
    page = BeautifulSoup(converted(engine, TEXT), "html.parser")
    sizes = [(image["alt"], image.get("width"), image.get("height")) for image in page.find_all("img")]
    assert sizes == [
        ("Chart", "300", None),
        ("A", "30", "20"),
        ("Left", None, None),
        ("Wide", None, None),
        ("Referenced", None, "5"),
        ("Linked", "7", None),
        ("Apart", None, None),  # a space apart: not the picture's, as with attr_list
    ]
    shown = page.get_text()
    assert "{ align=left width=3 }" in shown and '{ width="50%" }' in shown and "{ width=2 }" in shown
    assert 'width="300"' not in shown and "height='20'" not in shown and 'height="5"' not in shown
    assert "![Code](e.png){ width=1 }" in shown  # code is shown as written
