"""Web and e-mail addresses written bare in text become links, as GitHub's rule (which Hugo's
Linkify follows) makes them, and only those: the examples are the GFM specification's."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary_site.markup import site_markdown


def links(markdown_text: str) -> list[tuple[str, str]]:
    """(text, address) of each link a reader sees."""
    page = BeautifulSoup(site_markdown(markdown_text, "/"), "html.parser")
    return [(link.get_text(), str(link["href"])) for link in page.find_all("a")]


@pytest.mark.parametrize(
    ("written", "linked"),
    [
        ("www.commonmark.org", "www.commonmark.org"),
        ("Visit www.commonmark.org/help for more information.", "www.commonmark.org/help"),
        ("Visit www.commonmark.org.", "www.commonmark.org"),
        ("Visit www.commonmark.org/a.b.", "www.commonmark.org/a.b"),
        ("www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)"),
        ("www.google.com/search?q=Markup+(business)))", "www.google.com/search?q=Markup+(business)"),
        ("(www.google.com/search?q=Markup+(business))", "www.google.com/search?q=Markup+(business)"),
        ("(www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)"),
        ("www.google.com/search?q=(business))+ok", "www.google.com/search?q=(business))+ok"),
        ("www.google.com/search?q=commonmark&hl=en", "www.google.com/search?q=commonmark&hl=en"),
        ("www.google.com/search?q=commonmark&hl;", "www.google.com/search?q=commonmark"),
        ("www.commonmark.org/he<lp", "www.commonmark.org/he"),
        ("http://commonmark.org", "http://commonmark.org"),
        (
            "(Visit https://encrypted.google.com/search?q=Markup+(business))",
            "https://encrypted.google.com/search?q=Markup+(business)",
        ),
        ("See **https://arxiv.org/abs/1706.03762**!", "https://arxiv.org/abs/1706.03762"),
        ("A table cell: | https://example.org/a_b_c_ |", "https://example.org/a_b_c"),
    ],
)
def test_a_bare_address_is_a_link_to_it(written: str, linked: str) -> None:
    """Was shown as text, for the reader to copy. `www.` addresses are linked over https."""
    href = "https://" + linked if linked.startswith("www.") else linked
    assert links(written) == [(linked, href)]


@pytest.mark.parametrize(
    "written",
    [
        "`https://example.org` in code",
        "    https://example.org in a code block",
        "http://localhost:8000/ has no dot in its host",
        "xhttps://example.org and a.www.example.org run on from a word",
        "https://example._ ends before its host does",
        '<span title="see https://example.org">raw HTML</span>',
        "mailto:someone@example.org",
    ],
)
def test_no_link_is_made_where_github_makes_none(written: str) -> None:
    assert links(written) == []


def test_an_address_in_a_link_is_linked_once() -> None:
    """The text of a link, an address in angle brackets and a wiki-link stay as they were."""
    assert links("[https://a.example.org](https://b.example.org) and <https://c.example.org>") == [
        ("https://a.example.org", "https://b.example.org"),
        ("https://c.example.org", "https://c.example.org"),
    ]


@pytest.mark.parametrize(
    ("written", "linked"),
    [
        ("foo@bar.baz", ["foo@bar.baz"]),
        ("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.", ["hello+xyz@mail.example"]),
        ("a.b-c_d@a.b", ["a.b-c_d@a.b"]),
        ("a.b-c_d@a.b.", ["a.b-c_d@a.b"]),
        ("a.b-c_d@a.b-", []),
        ("a.b-c_d@a.b_", []),
        ("`code@example.org` and @handle and user@host", []),
    ],
)
def test_a_bare_e_mail_address_is_a_link_to_write_to_it(written: str, linked: list[str]) -> None:
    assert links(written) == [(address, f"mailto:{address}") for address in linked]
