"""scaffold: `glossary new` writes a stub term file the loader accepts as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from glossary_site import content, front_matter, markup, scaffold
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import TermSource

TODAY = dt.date(2025, 3, 1)


def load_stub(root: Path, file: Path) -> tuple[TermSource, list[str]]:
    rel = file.relative_to(root).as_posix()
    diagnostics = Diagnostics()
    term = content.parse_term(rel, front_matter.read_text(file, rel), diagnostics)
    return term, [str(d) for d in diagnostics.errors]  # its TODO placeholders are warnings, by design


def test_new_term_is_written_under_content_terms_named_by_its_slug(tmp_path: Path) -> None:
    file = scaffold.new_term(tmp_path, "Large Language Model", TODAY)

    assert file == tmp_path / "content" / "terms" / "large-language-model.md"
    assert file.is_file()


def test_stub_is_accepted_by_the_loader_without_errors(tmp_path: Path) -> None:
    file = scaffold.new_term(tmp_path, "Large Language Model", TODAY)

    term, problems = load_stub(tmp_path, file)

    assert problems == []
    assert (term.slug, term.title) == ("large-language-model", "Large Language Model")
    assert term.updated == TODAY
    assert term.draft is False
    assert "**Large Language Model**" in term.definition


def test_the_stub_shows_every_field_of_the_format(tmp_path: Path) -> None:
    """Each field appears as a key, set or commented out, so an editor sees the whole format."""
    text = scaffold.new_term(tmp_path, "Large Language Model", TODAY).read_text()
    keys = {line.lstrip("# ").split(":")[0] for line in text.split("---")[1].splitlines()}

    assert set(content.FIELDS) <= keys


def test_the_stub_shows_how_to_write_links_and_formulas_and_they_work(tmp_path: Path) -> None:
    """The body's two kinds of markup beyond Markdown are named above it; its examples, written
    in a body as the comment shows them, are a link and a formula, not text."""
    text = scaffold.new_term(tmp_path, "Softmax", TODAY).read_text()
    front = text.split("---")[1]

    assert "[[Term title]]" in front
    assert "$x^2$ within a line" in front and "a $$ line, the formula, a $$ line" in front
    html = markup.site_markdown("Its square is $x^2$.\n\n$$\nx^2\n$$\n", "")
    assert html.count("<math") == 2 and "$" not in html


@pytest.mark.parametrize(
    ("title", "file_name"),
    [
        ('Retrieval: "RAG" & friends', "retrieval-rag-friends.md"),
        ("C++ #1 'quoted' title", "c-1-quoted-title.md"),
        ("Yes", "yes.md"),
        ("null", "null.md"),
        ("2001", "2001.md"),
        ("- [leading] {flow} *star", "leading-flow-star.md"),
        ("Café — naïve Bayes", "cafe-naive-bayes.md"),
        ("Back\\slash", "back-slash.md"),
        ("L\u2019\u0153il du tigre", "l-oeil-du-tigre.md"),  # U+2019 breaks words as ' does
    ],
)
def test_titles_with_yaml_special_characters_round_trip_exactly(
    tmp_path: Path, title: str, file_name: str
) -> None:
    file = scaffold.new_term(tmp_path, title, TODAY)

    term, problems = load_stub(tmp_path, file)

    assert file.name == file_name
    assert problems == []
    assert term.title == title


def test_whitespace_in_the_title_is_collapsed(tmp_path: Path) -> None:
    file = scaffold.new_term(tmp_path, "  Mixture   of\tExperts ", TODAY)

    term, _ = load_stub(tmp_path, file)

    assert file.name == "mixture-of-experts.md"
    assert term.title == "Mixture of Experts"


def test_existing_term_file_is_not_overwritten(tmp_path: Path) -> None:
    file = scaffold.new_term(tmp_path, "Tokenizer", TODAY)
    file.write_text("my edits", encoding="utf-8")

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "tokenizer", TODAY)

    assert str(refused.value) == (
        f"{file} already exists; edit it, or name this term's file with --slug; nothing was written"
    )
    assert file.read_text(encoding="utf-8") == "my edits"


def test_a_title_that_is_another_terms_name_says_so_before_its_file_name(tmp_path: Path) -> None:
    """Was: "... already exists; edit it, or name this term's file with --slug", which --slug
    could not fix."""
    file = scaffold.new_term(tmp_path, "Tokenizer", TODAY)

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "TOKENIZER", TODAY)

    assert str(refused.value).startswith(f"'TOKENIZER' is already a name of {file.relative_to(tmp_path)}")


def test_a_title_that_is_another_terms_in_another_unicode_form_is_refused(tmp_path: Path) -> None:
    """ "Café" with é as e and an accent (as macOS tools write it) looks the same as with é: the
    build would report it as a name taken, so `new` refuses it now."""
    file = scaffold.new_term(tmp_path, "Caf\u00e9", TODAY)

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "Cafe\u0301", TODAY, slug="cafe-2")

    assert str(refused.value).startswith(f"'Cafe\u0301' is already a name of {file.relative_to(tmp_path)}")


def test_a_title_that_is_another_terms_slug_says_it_is_the_slug(tmp_path: Path) -> None:
    """Was "'Uber' is already a name of content/terms/uber.md; edit that term", of Über, whose
    file name its title made: the clash is with its slug, which --slug cannot fix."""
    file = scaffold.new_term(tmp_path, "\u00dcber", TODAY)

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "Uber", TODAY, slug="uber-inc")

    assert str(refused.value).startswith(
        f"'Uber' is already a name of {file.relative_to(tmp_path)}, '\u00dcber': its slug, which wiki-links "
        "may name it by too; give this term another name, or that one another slug"
    )


def test_a_slug_given_that_is_another_terms_name_says_to_give_another_slug(tmp_path: Path) -> None:
    """Was "give this term another name, or that one another slug": the --slug is what clashes."""
    file = scaffold.new_term(tmp_path, "Cr\u00e8me br\u00fbl\u00e9e", TODAY)

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "Cr\u00e8me", TODAY, slug="creme-brulee")

    assert str(refused.value).startswith(
        f"--slug 'creme-brulee' is already a name of {file.relative_to(tmp_path)}; "
        "give this term another --slug"
    )


def test_a_plural_of_another_terms_name_is_refused_as_links_would_change_target(tmp_path: Path) -> None:
    """Was: accepted, and every [[Tokenizers]] link moved from 'tokenizer' to the new stub."""
    file = scaffold.new_term(tmp_path, "Tokenizer", TODAY)

    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "Tokenizers", TODAY)

    assert str(refused.value) == (
        f"links naming 'Tokenizers' lead to {file.relative_to(tmp_path)} already (a plural of one of "
        "its names); add it there as an alias, or give this term another name; nothing was written"
    )
    assert not (tmp_path / "content/terms/tokenizers.md").exists()


def test_names_given_twice_are_written_once_and_the_category_as_check_reads_it(tmp_path: Path) -> None:
    """Was: written as given, so the first check warned about the stub's repeats (and its
    alias 'tokenizer', the title itself)."""
    scaffold.new_term(tmp_path, "Token", TODAY)
    aliases = ["tok", "TOK", "tokenizer"]
    file = scaffold.new_term(tmp_path, "Tokenizer", TODAY, " Text  models ", ["token", "Token"], aliases)

    term, problems = load_stub(tmp_path, file)

    assert problems == []
    assert (term.aliases, [ref.text for ref in term.related]) == (("tok",), ["token"])
    assert term.category == "Text models"


def test_a_related_term_named_twice_by_two_of_its_names_is_written_once(tmp_path: Path) -> None:
    """Was: `--related token --related tok --related Tokens` wrote all three, and the first
    check warned that the stub lists 'tok' and 'Tokens' again."""
    scaffold.new_term(tmp_path, "Token", TODAY, aliases=["tok"])
    scaffold.new_term(tmp_path, "Embedding", TODAY)
    file = scaffold.new_term(tmp_path, "Tokenizer", TODAY, related=["token", "tok", "Embedding", "Tokens"])

    term, problems = load_stub(tmp_path, file)

    assert problems == []
    assert [ref.text for ref in term.related] == ["token", "Embedding"]


def test_a_category_without_an_address_is_refused_and_nothing_written(tmp_path: Path) -> None:
    """Was: written, and the next check refused the category."""
    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "Token", TODAY, category="???")

    assert str(refused.value).startswith("--category '???' has no letter or digit")
    assert not (tmp_path / "content").exists()


def test_a_category_named_in_chinese_is_written_as_given(tmp_path: Path) -> None:
    """Was: refused, as a name with no a-z spelling had no page's address."""
    file = scaffold.new_term(tmp_path, "Token", TODAY, category="机器学习")

    term, problems = load_stub(tmp_path, file)

    assert problems == [] and term.category == "机器学习"


def test_title_without_letters_or_digits_is_refused_and_nothing_written(tmp_path: Path) -> None:
    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, "???", TODAY)

    assert str(refused.value) == (
        "cannot make a file name from '???'; give one with --slug, e.g. --slug my-term; nothing was written"
    )
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize("existing", [False, True], ids=["new folder", "empty folder given"])
def test_init_stopped_by_ctrl_c_keeps_nothing_it_made_so_a_second_init_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    site = tmp_path / "mysite"
    if existing:
        site.mkdir()
    write = scaffold._write_new
    written: list[Path] = []

    def interrupted_at_the_fifth(path: Path, text: str) -> None:
        if len(written) == 4:
            raise KeyboardInterrupt
        write(path, text)
        written.append(path)

    monkeypatch.setattr(scaffold, "_write_new", interrupted_at_the_fifth)
    with pytest.raises(KeyboardInterrupt):
        scaffold.init_site(site, "My Glossary")

    assert all(not path.exists() for path in written)
    assert (list(site.iterdir()) == []) if existing else not site.exists()
    monkeypatch.setattr(scaffold, "_write_new", write)
    assert "content/site.yml" in scaffold.init_site(site, "My Glossary")


@pytest.mark.parametrize(
    ("title", "related", "message"),
    [("   ", [], "the title must not be empty"), ("Token", [" "], "a --related must not be empty")],
)
def test_an_empty_title_or_related_is_refused_and_nothing_written(
    tmp_path: Path, title: str, related: list[str], message: str
) -> None:
    """Was: written (title: "" or related: [""]), and the next check refused the file."""
    with pytest.raises(scaffold.ScaffoldRefused) as refused:
        scaffold.new_term(tmp_path, title, TODAY, related=related, slug="y")

    assert str(refused.value) == f"{message}; nothing was written"
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize(
    ("title", "aliases"), [("Large Language Model", []), ("LLM", ["Large language model"])]
)
def test_the_related_example_never_names_the_new_term_itself(
    tmp_path: Path, title: str, aliases: list[str]
) -> None:
    """Was: 'e.g. [large-language-model]' in the file of Large Language Model itself, as though
    a term were related to itself."""
    text = scaffold.new_term(tmp_path, title, TODAY, aliases=aliases).read_text()
    comment = next(line for line in text.splitlines() if line.startswith("related:"))

    assert comment == "related: []  # slugs, titles or aliases of other terms, e.g. [neural-network]"


def test_the_related_example_of_another_term_is_unchanged(tmp_path: Path) -> None:
    text = scaffold.new_term(tmp_path, "Tensor", TODAY).read_text()

    assert "related: []  # slugs, titles or aliases of other terms, e.g. [large-language-model]\n" in text


def installed_lines(requirements: str) -> list[str]:
    return [line for line in requirements.splitlines() if line.strip() and not line.startswith("#")]


def test_a_glossary_site_installed_from_an_https_git_address_is_pinned_to_its_commit() -> None:
    origin = {
        "url": "https://github.com/acme/glossary-site",
        "vcs_info": {"vcs": "git", "commit_id": "abc123"},
    }

    assert installed_lines(scaffold.requirement_for(origin)) == [
        "glossary-site @ git+https://github.com/acme/glossary-site@abc123"
    ]


@pytest.mark.parametrize(
    "origin",
    [
        {"url": "file:///home/me/src/glossary-site", "dir_info": {"editable": True}},
        {"url": "ssh://git@github.com/acme/glossary-site", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
        {"url": "file:///home/me/src/glossary-site", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
        {},
    ],
)
def test_a_glossary_site_ci_cannot_install_as_it_was_installed_gets_no_line_pip_would_act_on(
    origin: dict[str, object],
) -> None:
    """Was: `glossary-site==0.1.0`, which would install whatever someone registers on PyPI
    under that name (it is not ours there), or an ssh/file address no runner can reach."""
    written = scaffold.requirement_for(origin)

    assert installed_lines(written) == []
    commit = "abc123" if "vcs_info" in origin else "COMMIT"
    assert f"# glossary-site @ git+https://github.com/OWNER/glossary-site@{commit}" in written.splitlines()
