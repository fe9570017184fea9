"""autolink: the first mention of another term becomes a link, and nothing else does."""

from __future__ import annotations

from bs4 import BeautifulSoup
from support import attribute

from glossary_site.autolink import Autolinker
from glossary_site.model import Glossary, TermSource


def term(slug: str, title: str, *aliases: str) -> TermSource:
    return TermSource(
        path=f"content/terms/{slug}.md",
        slug=slug,
        title=title,
        summary=f"About {title}.",
        definition="d",
        definition_line=3,
        body="",
        body_line=6,
        aliases=aliases,
    )


TERMS = [
    term("gpu", "GPU", "Graphics processing unit"),
    term("large-language-model", "Large language model", "LLM"),
    term("language", "Language"),
    term("token", "Token"),
    term("amp", "AMP"),
    term("query", "Query"),
]
LINKER = Autolinker(
    Glossary(terms={t.slug: t for t in TERMS}, related={}, backlinks={}, categories=(), tags=(), names={})
)


def links(fragment: str, own: str = "page", linked: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    soup = BeautifulSoup(LINKER.link(fragment, own, linked), "html.parser")
    return [(a.get_text(), attribute(a, "href")) for a in soup.select("a.autolink")]


def test_first_mention_becomes_a_link_with_its_preview_text() -> None:
    soup = BeautifulSoup(LINKER.link("<p>A GPU and another GPU.</p>", "page", ()), "html.parser")
    (link,) = soup.select("a.autolink")
    assert (link.get_text(), link["href"], link["title"], link["data-title"]) == (
        "GPU",
        "../gpu/index.html",
        "About GPU.",
        "GPU",
    )


def test_matching_ignores_case_and_finds_plurals() -> None:
    assert links("<p>gpus and queries</p>") == [
        ("gpus", "../gpu/index.html"),
        ("queries", "../query/index.html"),
    ]


def test_only_whole_words_match() -> None:
    assert links("<p>tokenizer, detokenize, GPUfarm, languages-ish ampersand</p>") == [
        ("languages", "../language/index.html")
    ]


def test_longest_name_wins_over_a_shorter_one_inside_it() -> None:
    assert links("<p>Large language models beat a plain language.</p>") == [
        ("Large language models", "../large-language-model/index.html"),
        ("language", "../language/index.html"),
    ]


def test_headings_code_and_existing_links_are_left_alone() -> None:
    fragment = (
        '<h2 id="gpu">GPU</h2><pre><code>GPU token</code></pre><p><code>LLM</code> '
        '<a href="https://x.org">Token</a> then the token.</p>'
    )
    assert links(fragment) == [("token", "../token/index.html")]


def test_own_term_and_terms_already_linked_are_not_linked_again() -> None:
    assert links("<p>Token and GPU and LLM.</p>", own="token", linked=("gpu",)) == [
        ("LLM", "../large-language-model/index.html")
    ]


def test_entities_are_not_words() -> None:
    assert links("<p>Fish &amp; chips &#39;quoted&#39;</p>") == []


def test_a_mention_in_another_unicode_form_is_linked_as_written() -> None:
    """A body typed on macOS may spell é as e and an accent; "Cafe" alone is no mention."""
    terms = {"cafe": term("cafe", "Caf\u00e9")}
    linker = Autolinker(Glossary(terms=terms, related={}, backlinks={}, categories=(), tags=(), names={}))
    soup = BeautifulSoup(linker.link("<p>Cafe and Cafe\u0301s.</p>", "page", ()), "html.parser")
    assert [(a.get_text(), attribute(a, "href")) for a in soup.select("a.autolink")] == [
        ("Cafe\u0301s", "../cafe/index.html")
    ]
