"""The example term files of the README and the content format reference are what a new user
copies first: each checks strictly, without a warning, beside the terms it names."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from support import PROJECT, run_glossary, write_files

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


def first_term_example(document: str, heading: str) -> str:
    """The first ```markdown block after `heading` in `document` (relative to the project)."""
    text = (PROJECT / document).read_text(encoding="utf-8")
    after = text[text.index(heading) :]
    found = re.search(r"^```markdown\n(.*?)^```$", after, re.MULTILINE | re.DOTALL)
    assert found is not None, f"no term example under '{heading}' in {document}"
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
        "content/terms/generative-ai.md": first_term_example(document, heading),
        **{f"content/terms/{slug}.md": neighbour(slug, title) for slug, title in NEIGHBOURS.items()},
    }
    site = write_files(tmp_path / "site", files)

    checked = run_glossary("check", "--strict", cwd=site)

    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""


def loop_commands(document: str, heading: str) -> list[list[str]]:
    """The `glossary` and `git add` commands of the first ```sh block after `heading`, comments
    and the lines that start the preview server left out."""
    text = (PROJECT / document).read_text(encoding="utf-8")
    after = text[text.index(heading) :]
    found = re.search(r"^```sh\n(.*?)^```$", after, re.MULTILINE | re.DOTALL)
    assert found is not None, f"no sh block under '{heading}' in {document}"
    commands = []
    for line in found.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["glossary"] and words[1] != "serve":
            commands.append(words)
        elif words[:2] == ["git", "add"] and "." not in words[2:3]:
            commands.append(words[:3])
    return commands


@pytest.mark.parametrize(
    ("document", "heading"),
    [("README.md", "## Editor guide"), ("docs/editor-guide.md", "## The loop")],
)
def test_the_documented_editor_loop_works_as_written_in_a_new_site(
    tmp_path: Path, document: str, heading: str
) -> None:
    """Copied line by line into the site `glossary init` makes, the loop's `glossary new` succeeds,
    and the file its `git add` names is the one `new` wrote."""
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
