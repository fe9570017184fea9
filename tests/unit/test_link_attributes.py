"""An attribute list right after a picture or a link, as MkDocs (attr_list) writes it: classes,
and a picture's size in pixels, are read; any other list is left as written (and warned of)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

TEXT = """\
![Chart](/images/c.png){ width="300" } and ![A](a.png){width=30 height='20'} after.

![Left](b.png){ align=left width=3 } and ![Wide](w.png){ width="50%" }.

![Referenced][c]{: height="5" .wide } in [![Linked](d.png){ width=7 }](https://example.org).

`![Code](e.png){ width=1 }` and ![Apart](f.png) { width=2 }

[Start](https://example.org/start){ .md-button .md-button--primary }, [Sized](https://example.org){ width=3 },
[Anchored](https://example.org){ #here } and [[Chart]]{ .md-button }.

[c]: c.png
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_classes_and_a_pictures_size_after_it_are_read(engine: str) -> None:
    page = BeautifulSoup(converted(engine, TEXT), "html.parser")
    sizes = [
        (image["alt"], image.get("width"), image.get("height"), image.get("class"))
        for image in page.find_all("img")
    ]
    assert sizes == [
        ("Chart", "300", None, None),
        ("A", "30", "20", None),
        ("Left", None, None, None),
        ("Wide", None, None, None),
        ("Referenced", None, "5", ["wide"]),
        ("Linked", "7", None, None),
        ("Apart", None, None, None),  # a space apart: not the picture's, as with attr_list
    ]
    links = {link.get_text(): link.get("class") for link in page.find_all("a")}
    assert links["Start"] == ["md-button", "md-button--primary"]
    assert links["Sized"] is None and links["Anchored"] is None  # a link has no size; no id is read
    shown = page.get_text()
    for kept in (
        "{ align=left width=3 }",
        '{ width="50%" }',
        "{ width=2 }",
        "{ width=3 }",
        "{ #here }",
        "{ .md-button }.",
    ):
        assert kept in shown
    assert 'width="300"' not in shown and "height='20'" not in shown and ".md-button--primary" not in shown
    assert "![Code](e.png){ width=1 }" in shown  # code is shown as written
    if engine != "site":  # a wiki-link (site.yml's intros have none) is left as written, not broken
        assert links["Chart"] is None and "[[Chart]]" not in shown
