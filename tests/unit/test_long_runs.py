"""Long runs in table cells are marked for print to break; ordinary words and tags are not."""

from __future__ import annotations

from bs4 import BeautifulSoup

from glossary_site.long_runs import in_tables, mark

ADDRESS = "https://example.org/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"


def marked_runs(fragment: str) -> list[str]:
    return [span.get_text() for span in BeautifulSoup(fragment, "html.parser").select("span.long-run")]


def test_a_long_address_and_word_are_marked_and_the_link_still_leads_there() -> None:
    cell = f'<a href="{ADDRESS}">{ADDRESS}</a> or Pneumonoultramicroscopicsilicovolcanoconiosis'
    soup = BeautifulSoup(mark(cell), "html.parser")
    assert marked_runs(str(soup)) == [ADDRESS, "Pneumonoultramicroscopicsilicovolcanoconiosis"]
    assert soup.a is not None and soup.a["href"] == ADDRESS
    assert soup.get_text() == BeautifulSoup(cell, "html.parser").get_text()


def test_ordinary_words_are_left_alone() -> None:
    cell = "Autoregressive, internationalization and text-to-image <em>generates</em>"
    assert mark(cell) == cell


def test_only_a_tables_runs_are_marked_in_converted_markdown() -> None:
    body = f"<p>{ADDRESS}</p>\n<table>\n<tr><td><code>{ADDRESS}</code></td></tr>\n</table>"
    soup = BeautifulSoup(in_tables(body), "html.parser")
    assert marked_runs(str(soup)) == [ADDRESS]
    assert soup.select_one("td code span.long-run") is not None
