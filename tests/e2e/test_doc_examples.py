"""The example term files of the README and the content format reference are what a new user
copies first: each checks strictly, without a warning, beside the terms it names. The layout of
what a build writes is what a build writes. The benchmark's peers get the content bench/README.md
says they get."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from support import PROJECT, attribute, parse_html, present, run_glossary, write_files

SITE_YML = """title: AI Glossary
base_url: https://glossary.example.com/
cta:
  blocks:
    reading-list:
      heading: Keep reading
      text: The papers behind these terms.
      button: See the list
      url: https://example.org/reading/
    stack-builder:
      heading: Ready to put this to work?
      text: Answer a few questions.
      button: Plan my stack
      url: https://example.org/stack/
"""

#: The terms the examples relate to, each linked and linking back.
NEIGHBOURS = {
    "large-language-model": "Large Language Model",
    "transformer": "Transformer",
    "gan": "GAN",
}


def neighbour(slug: str, title: str) -> str:
    others = ", ".join(other for other in ["generative-ai", *NEIGHBOURS] if other != slug)
    return (
        f"---\ntitle: {title}\nsummary: What the {title} page is about, in its own words.\n"
        f"definition: A **{title}** is a kind of model.\nrelated: [{others}]\nupdated: 2025-01-01\n---\n\n"
        "It is a kind of [[Generative AI]].\n"
    )


def block_after(document: str, heading: str, language: str) -> str:
    """The first ```language block after `heading` in `document` (relative to the project)."""
    text = (PROJECT / document).read_text(encoding="utf-8")
    after = text[text.index(heading) :]
    found = re.search(rf"^```{language}\n(.*?)^```$", after, re.MULTILINE | re.DOTALL)
    assert found is not None, f"no {language} block under '{heading}' in {document}"
    return found.group(1)


@pytest.mark.parametrize(
    ("document", "heading"),
    [("README.md", "## The content format in brief"), ("docs/content-format.md", "## A term file")],
)
def test_the_documented_term_example_checks_strictly_without_a_warning(
    tmp_path: Path, document: str, heading: str
) -> None:
    files = {
        "content/site.yml": SITE_YML,
        "content/terms/generative-ai.md": block_after(document, heading, "markdown"),
        **{f"content/terms/{slug}.md": neighbour(slug, title) for slug, title in NEIGHBOURS.items()},
    }
    site = write_files(tmp_path / "site", files)

    checked = run_glossary("check", "--strict", cwd=site)

    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""


def loop_commands(document: str, heading: str) -> list[list[str]]:
    """The `glossary` and `git add` commands of the first ```sh block after `heading`, comments
    and the lines that start the preview server left out."""
    commands = []
    for line in block_after(document, heading, "sh").splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["glossary"] and words[1] != "serve":
            commands.append(words)
        elif words[:2] == ["git", "add"] and "." not in words[2:3]:
            commands.append(words[: words.index("&&")] if "&&" in words else words)
    return commands


@pytest.mark.parametrize(
    ("document", "heading"),
    [("README.md", "## Editor guide"), ("docs/editor-guide.md", "## The loop")],
)
def test_the_documented_editor_loop_works_as_written_in_a_new_site(
    tmp_path: Path, document: str, heading: str
) -> None:
    """Copied line by line into the site `glossary init` makes, the loop's `glossary new` succeeds,
    and the file its `git add` names first is the one `new` wrote. Was: once an editor had
    replaced every TODO, `check --strict` still failed ("only 1 related term(s)", "no other term
    links to this one"); with the TODOs replaced and the new term linked from the other file
    `git add` names, as the text after the commands says, it passes."""
    assert run_glossary("init", "site", cwd=tmp_path).returncode == 0
    site = tmp_path / "site"
    commands = loop_commands(document, heading)
    assert [words[:2] for words in commands] == [["glossary", "new"], ["glossary", "check"], ["git", "add"]]

    made = run_glossary(*commands[0][1:], cwd=site)
    checked = run_glossary(*commands[1][1:], cwd=site)

    assert made.returncode == 0, made.stderr
    assert (site / commands[2][2]).is_file()
    assert checked.returncode == 1  # --strict: the new file's TODOs are warnings until replaced
    assert f"{commands[2][2]}:3: warning: a TODO placeholder is left in 'summary'" in checked.stderr

    text = (PROJECT / document).read_text(encoding="utf-8")
    section = text[text.index(heading) :].split("\n## ", 1)[0]
    linking = re.search(r"`(related: \[[^`\]]*\])`", section)
    assert linking is not None, f"{document} does not say how to link the new term from another"
    written, other = (site / name for name in commands[2][2:4])
    written.write_text(written.read_text(encoding="utf-8").replace("TODO ", ""), encoding="utf-8")
    other.write_text(
        re.sub(r"^related: .*$", linking.group(1), other.read_text(encoding="utf-8"), flags=re.MULTILINE),
        encoding="utf-8",
    )
    rechecked = run_glossary(*commands[1][1:], cwd=site)
    assert rechecked.returncode == 0, rechecked.stderr


#: A site with every kind of page: a category and a tag, a renamed term, tools and the Stack Builder.
EVERY_PAGE_SITE = {
    "content/site.yml": (
        "title: T\nbase_url: https://example.org/g/\n"
        "tools:\n  categories:\n    Apps: Apps.\n  attributes:\n    pricing: [free]\n"
        "stack_builder:\n  questions:\n    - id: budget\n      question: Budget?\n      answers:\n"
        "        - id: free\n          label: Free\n          prefer: {pricing: free}\n"
        "        - id: any\n          label: Any\n          prefer: {}\n"
        "  layers:\n    - id: app\n      title: App\n      tools: {pricing: free}\n"
    ),
    "content/terms/alpha.md": (
        "---\ntitle: Alpha\nsummary: The first.\ndefinition: Alpha is first.\ncategory: Concepts\n"
        "tags: [letters]\nformer_slugs: [old-alpha]\ntools: [kit]\nupdated: 2025-01-01\n---\n"
    ),
    "content/tools/kit.md": (
        "---\ntitle: Kit\nsummary: A kit.\nurl: https://example.com/\ncategory: Apps\n"
        "attributes: {pricing: free}\n---\n"
    ),
}
#: Written only above 100 terms, and above 1,000 A-Z entries (tests/e2e/test_graph_page.py and
#: test_letter_pages.py build such sites).
NOT_BUILT_HERE = {"graph/<slug>/index.html", "a-z/<letter>/index.html"}


def documented_output() -> dict[str, str]:
    """The entries of the layout under "What a build writes", each with its description."""
    text = (PROJECT / "docs/content-format.md").read_text(encoding="utf-8")
    after = text[text.index("## What a build writes") :]
    found = re.search(r"^```\n(.*?)^```$", after, re.MULTILINE | re.DOTALL)
    assert found is not None, "no layout under 'What a build writes' in docs/content-format.md"
    entries: dict[str, str] = {}
    name = ""
    for line in found.group(1).splitlines():
        if line.startswith(" "):
            entries[name] += " " + line.strip()
        else:
            entry = re.fullmatch(r"((?:<[^>]*>|\S)+)\s*(.*)", line)  # a <placeholder> may hold a space
            assert entry is not None, line
            name, entries[name] = entry.group(1), entry.group(2)
    return entries


def matches(entry: str, path: str) -> bool:
    """Whether the built file `path` is the documented `entry` (`<slug>` stands for any name;
    an entry ending in '/' is a folder and everything in it)."""
    pattern = re.escape(entry).replace(re.escape("<"), "<").replace(re.escape(">"), ">")
    pattern = re.sub(r"<[^>]*>", "[^/]+", pattern)
    return re.fullmatch(pattern + (".*" if entry.endswith("/") else ""), path) is not None


@pytest.fixture(scope="module")
def every_page_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The _site folder a build of EVERY_PAGE_SITE writes."""
    site = write_files(tmp_path_factory.mktemp("every-page") / "site", EVERY_PAGE_SITE)
    built = run_glossary("build", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "_site"


def test_a_build_writes_every_file_the_content_format_lists_and_no_other(every_page_site: Path) -> None:
    """Was true when written; a page the build adds, drops or moves without the reference's
    layout saying so fails it, as does an asset added to or dropped from the theme."""
    out = every_page_site
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    documented = documented_output()
    assert [path for path in written if not any(matches(entry, path) for entry in documented)] == []
    assert [
        entry
        for entry in documented
        if entry not in NOT_BUILT_HERE and not any(matches(entry, path) for path in written)
    ] == []
    assets = set(re.findall(r"[\w-]+\.(?:css|js|svg)", documented["assets/"]))
    assert {path.name for path in (out / "assets").iterdir()} == assets


@pytest.mark.parametrize("name", ["terms.json", "tools.json"])
def test_each_object_of_a_data_file_has_the_keys_the_content_format_lists(
    every_page_site: Path, name: str
) -> None:
    """Was true when written: the table after "`terms.json` is a list" (and `tools.json`'s) names
    every key of each object, and no other, in the alphabetical order they are written in."""
    text = (PROJECT / "docs/content-format.md").read_text(encoding="utf-8")
    after = text[text.index(f"`{name}` is a list") :]
    table = re.search(r"^\| key \| value \|\n\| --- \| --- \|\n((?:\|.*\n)+)", after, re.MULTILINE)
    assert table is not None, f"no table of keys after '`{name}` is a list' in docs/content-format.md"
    documented = re.findall(r"^\| `([a-z_]+)` \|", table.group(1), re.MULTILINE)

    objects = json.loads((every_page_site / name).read_text(encoding="utf-8"))

    assert objects
    for found in objects:
        assert list(found) == sorted(documented)


def test_the_benchmark_gives_mkdocs_each_whole_definition_as_an_admonition(tmp_path: Path) -> None:
    """bench/README.md: MkDocs gets "the definition as an admonition"; rendered with the
    admonition extension the corpus's mkdocs.yml turns on, the box holds all of its text."""
    command = [sys.executable, str(PROJECT / "bench/make_corpus.py"), "--terms", "3", "--out", str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True)
    pages = sorted((tmp_path / "mkdocs/docs/terms").glob("*.md"))
    assert len(pages) == 3
    for page in pages:
        ours = (tmp_path / "glossary/content/terms" / page.name).read_text(encoding="utf-8")
        definition = yaml.safe_load(ours.split("---\n")[1])["definition"]
        text = BeautifulSoup(markdown.markdown(definition), "html.parser").get_text()
        html = markdown.markdown(page.read_text(encoding="utf-8"), extensions=["admonition"])
        box = BeautifulSoup(html, "html.parser").select_one("div.admonition")
        assert box is not None, page.name
        assert " ".join(text.split()) in " ".join(box.get_text().split()), page.name


MIGRATION = "docs/coming-from-hugo-or-mkdocs.md"
CONVERSION = "## A worked conversion"
HUGO_ALIASES = 'aliases: ["/terms/synonyms/"]'


def hugo_term() -> str:
    return block_after(MIGRATION, CONVERSION, "markdown")


def converted_term() -> str:
    return block_after(MIGRATION, "The same term here", "markdown")


def new_site(tmp_path: Path) -> Path:
    """The site `init` makes, given the address it is published at, as a build warns of the
    placeholder base_url."""
    assert run_glossary("init", "site", cwd=tmp_path).returncode == 0
    settings = tmp_path / "site/content/site.yml"
    published = settings.read_text(encoding="utf-8").replace(
        "https://example.com/", "https://words.example.org/"
    )
    settings.write_text(published, encoding="utf-8")
    return tmp_path / "site"


def converted_site(tmp_path: Path, term: str) -> Path:
    """The site `init` makes with `term` as content/terms/synonym.md, its image in static/, and the
    `related` line the migration page gives for term.md."""
    site = new_site(tmp_path)
    related = block_after(MIGRATION, "The same term here", "yaml").strip()
    term_file = site / "content/terms/term.md"
    lines = term_file.read_text(encoding="utf-8").splitlines(keepends=True)
    term_file.write_text(
        "".join(related + "\n" if line.startswith("related:") else line for line in lines), encoding="utf-8"
    )
    return write_files(site, {"content/terms/synonym.md": term, "static/images/synonyms.png": "png"})


def test_the_hugo_term_dropped_into_a_new_site_gives_the_messages_the_migration_page_quotes(
    tmp_path: Path,
) -> None:
    site = write_files(new_site(tmp_path), {"content/terms/synonym.md": hugo_term()})

    checked = run_glossary("check", cwd=site)

    assert checked.returncode == 1
    assert checked.stderr.splitlines() == block_after(MIGRATION, "Dropped as it is", "text").splitlines()


def test_hugo_toml_front_matter_gives_the_message_the_migration_page_quotes(tmp_path: Path) -> None:
    front, body = hugo_term().split("\n---\n", 1)
    toml = "+++" + front.removeprefix("---") + "\n+++\n" + body
    site = write_files(new_site(tmp_path), {"content/terms/synonym.md": toml})
    said = (
        "front matter between '+++' lines is TOML, which Hugo reads and this site does not; rewrite "
        "it in YAML between '---' lines (title = \"GPU\" becomes title: GPU)"
    )

    checked = run_glossary("check", cwd=site)

    assert said in " ".join((PROJECT / MIGRATION).read_text(encoding="utf-8").split())
    assert checked.returncode == 1
    assert f"content/terms/synonym.md:1: {said}" in checked.stderr.splitlines()


def test_the_converted_hugo_term_builds_strictly_and_shows_what_the_migration_page_says(
    tmp_path: Path,
) -> None:
    site = converted_site(tmp_path, converted_term())

    built = run_glossary("build", "--strict", cwd=site)

    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    article = present(parse_html(site / "_site/terms/synonym/index.html").find("article"))
    text = " ".join(article.get_text(" ").split())
    assert "Also known as Equivalent term" in text
    assert "Updated 10 February 2025" in text
    link = present(present(article.find("section", class_="definition")).find("a", string="term"))
    assert attribute(link, "href") == "../term/index.html"
    image = present(article.find("img"))
    assert (attribute(image, "src"), attribute(image, "alt")) == (
        "../../images/synonyms.png",
        "Two words pointing to one entry",
    )
    groups = [(a.get_text(strip=True), attribute(a, "href")) for a in article.select(".category a, .tags a")]
    assert groups == [
        ("Basics", "../../categories/basics/index.html"),
        ("linking", "../../tags/linking/index.html"),
    ]
    moved = parse_html(site / "_site/terms/synonyms/index.html")
    refresh = present(moved.find("meta", attrs={"http-equiv": "refresh"}))
    assert attribute(refresh, "content") == "0; url=../synonym/index.html"


def test_hugo_aliases_left_in_the_converted_term_are_other_names_as_the_migration_page_says(
    tmp_path: Path,
) -> None:
    lines = converted_term().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("aliases:", "former_slugs:"))]
    term = "".join(HUGO_ALIASES + "\n" + line if line.startswith("category:") else line for line in kept)
    site = converted_site(tmp_path, term)

    built = run_glossary("build", cwd=site)

    assert built.returncode == 0, built.stderr
    assert "alias '/terms/synonyms/' is an address" in built.stderr
    assert HUGO_ALIASES in hugo_term()
    article = present(parse_html(site / "_site/terms/synonym/index.html").find("article"))
    assert "Also known as /terms/synonyms/" in " ".join(article.get_text(" ").split())
    assert not (site / "_site/terms/synonyms").exists()


def test_a_mkdocs_link_to_a_markdown_file_gives_the_message_the_migration_page_quotes(tmp_path: Path) -> None:
    site = converted_site(tmp_path, converted_term().replace("[[term]]", "[term](term.md)"))
    said = (
        "link 'term.md' names a Markdown file, which has no address here; link the term as [[term]], "
        "or write the address of its page, /terms/term/"
    )

    checked = run_glossary("check", cwd=site)

    assert said in " ".join((PROJECT / MIGRATION).read_text(encoding="utf-8").split())
    assert checked.returncode == 1
    assert any(line.startswith(f"content/terms/synonym.md:6: {said}") for line in checked.stderr.splitlines())


SPHINX_CONVERSION = "### A Sphinx glossary converted"
#: The example terms `glossary init` writes, which the Sphinx conversion deletes first.
STARTER_TERMS = ("glossary.md", "term.md", "cross-reference.md")


def sphinx_term_files() -> dict[str, str]:
    """The converted term files the migration page shows, by the path named above each."""
    text = (PROJECT / MIGRATION).read_text(encoding="utf-8")
    after = text[text.index(SPHINX_CONVERSION) :]
    found = re.findall(r"^`(content/terms/[\w-]+\.md)`:\n\n```markdown\n(.*?)^```$", after, re.M | re.S)
    return dict(found)


def sphinx_site(tmp_path: Path, files: dict[str, str]) -> Path:
    site = new_site(tmp_path)
    for name in STARTER_TERMS:
        assert name in " ".join((PROJECT / MIGRATION).read_text(encoding="utf-8").split())
        (site / "content/terms" / name).unlink()
    return write_files(site, files)


def test_the_converted_sphinx_glossary_builds_strictly_and_shows_what_the_migration_page_says(
    tmp_path: Path,
) -> None:
    files = sphinx_term_files()
    assert len(files) == 3, files
    site = sphinx_site(tmp_path, files)

    checked = run_glossary("check", "--strict", cwd=site)
    built = run_glossary("build", "--strict", cwd=site)

    assert checked.returncode == 0, checked.stderr
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    definition = present(
        parse_html(site / "_site/terms/builder/index.html").find("section", class_="definition")
    )
    links = [(a.get_text(), attribute(a, "href")) for a in definition.find_all("a")]
    assert links == [
        ("source files", "../source-directory/index.html"),
        ("output directory", "../build-directory/index.html"),
    ]
    article = present(parse_html(site / "_site/terms/build-directory/index.html").find("article"))
    assert "Also known as Output directory" in " ".join(article.get_text(" ").split())
    home = " ".join(present(parse_html(site / "_site/index.html").find("main")).get_text(" ").split())
    assert re.search(
        r"Build directory .* Builder .* Output directory → see Build directory .* Source directory", home
    )


def test_every_sphinx_term_line_is_a_title_or_alias_of_the_converted_files() -> None:
    """The glossary.rst the page shows and the files it is converted to name the same terms."""
    rst = block_after(MIGRATION, SPHINX_CONVERSION, "rst")
    term_lines = {line.strip() for line in rst.splitlines() if re.fullmatch(r"   [a-z][\w ]*", line)}
    names = set()
    for text in sphinx_term_files().values():
        front = yaml.safe_load(text.split("---\n")[1])
        names |= {name.lower() for name in [front["title"], *front.get("aliases", [])]}
    assert term_lines == names


def test_a_sphinx_term_role_left_in_gives_the_warning_the_migration_page_quotes(tmp_path: Path) -> None:
    files = sphinx_term_files()
    builder = "content/terms/builder.md"
    role = ":term:`source files <source directory>`"
    assert role in block_after(MIGRATION, SPHINX_CONVERSION, "rst")
    site = sphinx_site(
        tmp_path, {**files, builder: files[builder].replace("[[source directory|source files]]", role)}
    )

    checked = run_glossary("check", cwd=site)

    assert checked.returncode == 0, checked.stderr
    quoted = block_after(MIGRATION, "Left as it was", "text").splitlines()
    assert quoted and set(quoted) <= set(checked.stderr.splitlines()), checked.stderr


GPU_TERM = """---
title: GPU
summary: A processor for parallel work.
definition: A **GPU** is a processor for parallel work.
aliases: [/glossary/gpu/]
related: [term, glossary]
updated: 2025-02-10
---

![A GPU board](board.png)
"""


def test_a_hugo_address_outside_terms_is_kept_by_the_page_the_migration_page_and_warning_give(
    tmp_path: Path,
) -> None:
    """Hugo's /glossary/gpu/: the warning names the file and line the migration page shows,
    written so a strict build passes and the old address leads to the term; the bundle's image,
    in static/terms/gpu/, is found by the page's relative link."""
    site = write_files(
        new_site(tmp_path), {"content/terms/gpu.md": GPU_TERM, "static/terms/gpu/board.png": "png"}
    )
    page = block_after(MIGRATION, "### Keeping Hugo's addresses", "html")

    warned = run_glossary("check", cwd=site)

    meta = '<meta http-equiv="refresh" content="0; url=../../terms/gpu/index.html">'
    assert warned.returncode == 0, warned.stderr
    assert (
        "content/terms/gpu.md:5: warning: alias '/glossary/gpu/' is an address, but an alias is another name "
        f"of the term; remove it, and to keep the address write static/glossary/gpu/index.html holding {meta}"
    ) in warned.stderr.splitlines()
    assert meta in page

    write_files(site, {"content/terms/gpu.md": GPU_TERM.replace("aliases: [/glossary/gpu/]\n", "")})
    term = (site / "content/terms/term.md").read_text(encoding="utf-8")
    linked = term.replace("related: [glossary, cross-reference]", "related: [glossary, cross-reference, gpu]")
    assert linked != term
    write_files(site, {"static/glossary/gpu/index.html": page, "content/terms/term.md": linked})
    built = run_glossary("build", "--strict", cwd=site)

    assert built.returncode == 0, built.stderr
    moved = parse_html(site / "_site/glossary/gpu/index.html")
    target = attribute(present(moved.find("meta", attrs={"http-equiv": "refresh"})), "content").split("url=")[
        1
    ]
    assert (site / "_site/glossary/gpu" / target).resolve() == (site / "_site/terms/gpu/index.html").resolve()
    article = present(parse_html(site / "_site/terms/gpu/index.html").find("article"))
    image = attribute(present(article.find("img")), "src")
    assert (site / "_site/terms/gpu" / image).is_file()
