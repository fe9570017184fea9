"""Names written in another Unicode form (é as one letter, or as e and an accent, as macOS
tools often write it) look the same, so they are the same name: a clash, or a reference."""

from __future__ import annotations

from pathlib import Path

from support import attribute, copy_site, parse_html, present, run_glossary, write_files
from test_errors import error_lines

#: "Café" as one composed letter (NFC) and as "e" with a combining acute accent (NFD).
COMPOSED, DECOMPOSED = "Caf\u00e9", "Cafe\u0301"


def term(title: str, extra: str = "", body: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: A place for coffee.\ndefinition: A {title}.\n{extra}---\n\n{body}"


def test_titles_alike_but_for_their_unicode_form_are_a_duplicate_name(tmp_path: Path) -> None:
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/a-cafe.md": term(COMPOSED),
            "content/terms/b-cafe.md": term(DECOMPOSED, "related: [tensr]\n"),
        },
    )
    expected = [
        f"content/terms/b-cafe.md:2: title '{DECOMPOSED}' is already a name of 'a-cafe' "
        "(content/terms/a-cafe.md:2); titles, slugs and aliases must be unique",
        "content/terms/b-cafe.md:5: unknown related term 'tensr'; did you mean 'tensor'?",
    ]
    for command in ("build", "check"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == expected, command
    assert not (site / "_site").exists()


def test_a_link_in_another_unicode_form_reaches_the_term(tmp_path: Path) -> None:
    """A wiki-link, a related entry and an alias each written in the other form."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/cafe.md": term(COMPOSED, "aliases: [Cre\u0300me]\n"),
            "content/terms/notes.md": term(
                "Notes", f"related: [{DECOMPOSED}, tensor]\n", f"See [[{DECOMPOSED}]] and [[Cr\u00e8me]].\n"
            ),
        },
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    soup = parse_html(site / "_site/terms/notes/index.html")
    links = soup.select("main a.wikilink")
    assert [(a.get_text(), attribute(a, "href")) for a in links] == [
        (DECOMPOSED, "../cafe/index.html"),
        ("Cr\u00e8me", "../cafe/index.html"),
    ]
    related = present(soup.select_one(".related .term-cards a"))
    assert attribute(related, "href") == "../../terms/cafe/index.html"
    assert related.get_text() == COMPOSED


def test_turkish_capital_dotted_i_names_the_same_term_as_its_small_i(tmp_path: Path) -> None:
    """'\u0130' is the capital of 'i' in Turkish and Azerbaijani. Was: a wiki-link to the strait in
    small letters was an unknown target ("did you mean" the very name written), and the gulf's
    title in capitals and in small letters made two terms."""
    strait, gulf = "\u0130stanbul Bo\u011faz\u0131", "\u0130zmir K\u00f6rfezi"
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/bogaz.md": term(strait, "slug: bogaz\n"),
            "content/terms/notes.md": term(
                "Notes", "related: [tensor]\n", "See [[istanbul bo\u011faz\u0131]].\n"
            ),
        },
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    link = present(parse_html(site / "_site/terms/notes/index.html").select_one("main a.wikilink"))
    assert attribute(link, "href") == "../bogaz/index.html"

    write_files(
        site,
        {
            "content/terms/a.md": term(gulf, "slug: a\n"),
            "content/terms/b.md": term("izmir k\u00f6rfezi", "slug: b\n"),
        },
    )
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "content/terms/b.md:2: title 'izmir k\u00f6rfezi' is already a name of 'a'" in result.stderr
