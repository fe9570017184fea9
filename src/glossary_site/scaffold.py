"""`glossary init` and `glossary new`: a ready site, and a term file with every field stubbed.

Both only ever create files: anything that exists already is refused before a byte is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import json
import os
import re
from pathlib import Path
from typing import Any

from glossary_site import __version__
from glossary_site.config import CONFIG_PATH
from glossary_site.content import load_terms
from glossary_site.content_files import TERMS_DIR
from glossary_site.diagnostics import Diagnostics, meant_by
from glossary_site.front_matter import FORBIDDEN_CHARACTER_RE
from glossary_site.graph import group_name_problem, resolve
from glossary_site.model import distinct_aliases, name_key
from glossary_site.output import MARKER, SOURCE_DIRS, made_by_a_build
from glossary_site.pipeline import CACHE_DIR
from glossary_site.slugs import MAX_SLUG, SLUG_RE, group_slug, slugify
from glossary_site.url_checks import PLACEHOLDER_URL

STUB = """\
---
title: {title_yaml}
summary: TODO one line summary
definition: |
  TODO two to four sentences defining **{title}**.
aliases: {aliases}
# sort_as: {title_yaml}  # the name it is sorted and filed under A to Z: a reading (jiqi xuexi), NET for .NET
category: {category}
tags: []
related: {related}  # slugs, titles or aliases of other terms, e.g. [{related_example}]
# tools: []  # tools of content/tools/ shown beside the term, by slug, title or alias
# slug: {slug}  # the page's address; by default the file name
# former_slugs: []  # earlier slugs after a rename, oldest first: each old address leads here
# tables:
#   - title: TODO table title
#     columns: [Column A, Column B]
#     rows:
#       - [cell, cell]
# faq:
#   - q: TODO a practice question?
#     a: TODO its answer.
# sources:
#   - title: TODO source title
#     url: {placeholder_url}
# cta: false        # or the name of a block in content/site.yml
updated: {today}
draft: false
# Below: the body in Markdown. Link other terms with [[Term title]] or [[slug|shown text]].
# Formulas are TeX: $x^2$ within a line; a $$ line, the formula, a $$ line for one of its own.
---

TODO the body in Markdown.
"""


#: Longer file names than a file system takes (255 bytes) fail; well under it, with room to spare.
STARTER = Path(__file__).parent / "starter"
#: Where each file of the starter site goes; dot-files are packaged without their dot,
#: which package-data globs would skip.
STARTER_FILES = {
    "content/site.yml": "content/site.yml",
    "content/terms/glossary.md": "content/terms/glossary.md",
    "content/terms/term.md": "content/terms/term.md",
    "content/terms/cross-reference.md": "content/terms/cross-reference.md",
    ".gitignore": "gitignore",
    ".github/workflows/pages.yml": "github/workflows/pages.yml",
}
REQUIREMENTS = "requirements.txt"
#: The folders of a site that its builds read, or replace with their own output.
BUILD_FOLDERS = (*SOURCE_DIRS, "_site", CACHE_DIR)


class ScaffoldRefused(Exception):
    """What the user asked for would overwrite a file or break the site; nothing was written."""


def one_line(what: str, text: str) -> str:
    """A name given on the command line as the files will hold it: white space of any kind
    made single spaces, and a character no web page may hold (an escape pasted with a
    terminal's colour codes, say) refused here rather than by the next check."""
    text = " ".join(text.split())
    found = FORBIDDEN_CHARACTER_RE.search(text)
    if found is not None:
        raise ScaffoldRefused(
            f"{what} holds character U+{ord(found.group()):04X}, which no web page may; remove it"
        )
    return text


def init_site(folder: Path, title: str, today: dt.date | None = None) -> list[str]:
    """Write the starter site into `folder`; returns the paths written, relative to it."""
    title = one_line("the title", title)
    if not title:
        raise ScaffoldRefused("the title must not be empty")
    for place in (folder, *folder.parents):
        if place.exists() and not place.is_dir():
            raise ScaffoldRefused(f"{place} is a file, not a folder")
    if folder.is_symlink() and not folder.exists():
        raise ScaffoldRefused(f"{folder} is a symbolic link to nothing; nothing was changed")
    if (folder / CONFIG_PATH).exists():
        raise ScaffoldRefused(f"{folder} already holds a glossary ({CONFIG_PATH}); nothing was changed")
    _refuse_inside_a_site(folder)
    files = starter_files(title, today or dt.date.today(), requirement())
    taken = sorted(path for path in [*files, "content"] if (folder / path).exists())
    if taken:
        raise ScaffoldRefused(
            f"{folder} already has {', '.join(taken)}; glossary init never overwrites, "
            "so choose a new or empty folder; nothing was changed"
        )
    made: list[Path] = []  # files and folders, in the order they were made
    for path, text in files.items():
        target = folder / path
        try:
            # lexists: a link to nothing is the user's, not a folder made here to be removed
            new_folders = [f for f in reversed(target.parents) if not os.path.lexists(f)]
            made += new_folders
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_new(target, text)
            made.append(target)
        except BaseException as exc:  # a full disk, or Ctrl-C: either way the next init must not be refused
            for done in reversed(made):
                with contextlib.suppress(OSError):
                    if done.is_dir():
                        done.rmdir()
                    else:
                        done.unlink()
            if not isinstance(exc, OSError):
                raise
            raise ScaffoldRefused(f"cannot write {target}: {exc.strerror or exc}; nothing was kept") from None
    return list(files)


def _refuse_inside_a_site(folder: Path) -> None:
    """A site made in another's content/ or static/ would be read as that site's own files
    (its terms clash with theirs), and one in _site/ is deleted by the next full build; so is
    one in any folder a build wrote (`--out public`), which its record tells, whatever its name."""
    place = folder.resolve()
    for outer in place.parents:
        if (outer / CONFIG_PATH).is_file():
            part = place.relative_to(outer).parts[0]
            if part in BUILD_FOLDERS:
                site = os.path.relpath(outer)
                raise ScaffoldRefused(
                    f"{folder} is in {part}/ of the glossary in {site}, "
                    "which its builds read or replace; start the new glossary outside it; "
                    "nothing was changed"
                )
            break
    for output in (place, *place.parents):
        if made_by_a_build(output):
            raise ScaffoldRefused(
                f"{folder} is in {output}, the output folder of a glossary build ({MARKER}), "
                "which the next build replaces whole; start the new glossary outside it; "
                "nothing was changed"
            )


def starter_files(title: str, today: dt.date, requirement_lines: str) -> dict[str, str]:
    """The starter site's files by path; the title is written as JSON, which YAML reads as text."""
    files = {
        path: (STARTER / packaged)
        .read_text(encoding="utf-8")
        .replace("@TITLE@", json.dumps(title, ensure_ascii=False))
        .replace("@TODAY@", today.isoformat())
        for path, packaged in STARTER_FILES.items()
    }
    return {**files, REQUIREMENTS: requirement_lines}


def requirement() -> str:
    """The requirements.txt that installs this very glossary-site in CI (see requirement_for)."""
    try:
        origin = importlib.metadata.distribution("glossary-site").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        origin = None
    return requirement_for(json.loads(origin) if origin else {})


def requirement_for(origin: dict[str, Any]) -> str:
    """pip records where a package came from (PEP 610, `origin`); a git install from an https
    address is pinned to its commit. Anything else gets no line CI would act on: the name is
    not ours on PyPI, so `glossary-site==<version>` could install whoever registers it, and an
    ssh or file address is one GitHub's runners cannot reach. The workflow then stops with an
    annotation on requirements.txt rather than running something else."""
    vcs = origin.get("vcs_info") or {}
    url, commit = str(origin.get("url", "")), str(vcs.get("commit_id", ""))
    if vcs.get("vcs") == "git" and commit and url.startswith("https://"):
        return (
            "# The glossary-site that `glossary init` ran with, pinned to its commit.\n"
            "# Change the commit (or put a tag) to upgrade.\n"
            f"glossary-site @ git+{url}@{commit}\n"
        )
    return (
        f"# glossary-site is not on PyPI, and this one ({__version__}) was not installed from an\n"
        "# https git address, so nothing here installs it yet: remove the '#' from the next line\n"
        "# and write the repository (and a tag or commit) that CI installs it from.\n"
        f"# glossary-site @ git+https://github.com/OWNER/glossary-site@{commit or 'COMMIT'}\n"
    )


def new_term(
    root: Path,
    title: str,
    today: dt.date | None = None,
    category: str | None = None,
    related: list[str] | None = None,
    aliases: list[str] | None = None,
    slug: str | None = None,
) -> Path:
    """Write a term file; each refusal says that nothing was written, so the editor knows to
    run the command again rather than look for a half-made term."""
    try:
        return _new_term(root, title, today, category, related, aliases, slug)
    except ScaffoldRefused as refusal:
        raise ScaffoldRefused(f"{refusal}; nothing was written") from None


def _new_term(
    root: Path,
    title: str,
    today: dt.date | None,
    category: str | None,
    related: list[str] | None,
    aliases: list[str] | None,
    slug: str | None,
) -> Path:
    """Values are written as JSON, which is YAML too, so any title or name stays valid."""
    title = one_line("the title", title)
    if not title:
        raise ScaffoldRefused("the title must not be empty")
    aliases = list(distinct_aliases(title, (one_line("an --alias", alias) for alias in aliases or [])))
    related = related or []
    category = one_line("--category", category or "")
    if category and (problem := group_name_problem(category, group_slug(category))) is not None:
        raise ScaffoldRefused(f"--category {problem}")
    made_from = title if slug is None else None
    slug = _file_slug(title, slug)
    folder = root / TERMS_DIR
    if os.path.lexists(folder) and not folder.is_dir():
        raise ScaffoldRefused(f"{folder} is not a folder; term files go in a folder of that name")
    if folder.is_symlink() and (root / "content").resolve() not in folder.resolve().parents:
        # Builds report such a link and never follow it: the term would land outside the site, unread.
        raise ScaffoldRefused(
            f"{folder} is a symbolic link that leads outside content/, which no build follows; "
            "make it a folder"
        )
    path = folder / f"{slug}.md"
    if "" in aliases:
        raise ScaffoldRefused("an --alias must not be empty")
    if any(not name.strip() for name in related):
        raise ScaffoldRefused("a --related must not be empty")
    related = _check_names(root, slug, [title, slug, *aliases], related, made_from)
    if os.path.lexists(path):
        raise ScaffoldRefused(f"{path} already exists; edit it, or name this term's file with --slug")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaffoldRefused(f"cannot make {folder}: {exc.strerror or exc}") from None
    text = STUB.format(
        title=title,
        slug=slug,
        title_yaml=json.dumps(title, ensure_ascii=False),
        category=json.dumps(category, ensure_ascii=False) if category else "TODO",
        related=json.dumps(related, ensure_ascii=False),
        related_example=_related_example([title, slug, *aliases]),
        aliases=json.dumps(aliases, ensure_ascii=False),
        today=(today or dt.date.today()).isoformat(),
        placeholder_url=PLACEHOLDER_URL,
    )
    try:
        _write_new(path, text)
    except FileExistsError:
        raise ScaffoldRefused(f"{path} already exists; edit it instead") from None
    except OSError as exc:
        raise ScaffoldRefused(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


#: Slugs the stub's `related` comment shows as an example, the first that is not the new term's.
RELATED_EXAMPLES = ("large-language-model", "neural-network")


def _related_example(names: list[str]) -> str:
    """An example that names the new term itself would suggest a term is related to itself."""
    own = {slugify(name) for name in names}
    return next((example for example in RELATED_EXAMPLES if example not in own), "another-term")


#: A sign that is part of a name's meaning, as in C++, C# or F#, which a slug drops.
_MEANINGFUL_SIGN_RE = re.compile(r"\w[+#]")

#: The dot of .NET, which a slug drops too; one inside a name (Node.js) becomes a hyphen,
#: which reads as well.
_LEADING_DOT_RE = re.compile(r"\.(?=[^\W\d_])")


def slug_note(title: str, slug: str) -> str | None:
    """Why a slug made from the title may not be the one wanted: 'C++' makes 'c', the slug a
    later term 'C' needs, '.NET' makes 'net', and the address then says so for good."""
    title = " ".join(title.split())
    leading_dot = _LEADING_DOT_RE.match(title) is not None
    if not (leading_dot or _MEANINGFUL_SIGN_RE.search(title)):
        return None
    signs = [f"'{sign}'" for sign in "+#" if sign in title]
    dropped = " and ".join(["leading '.'", *signs] if leading_dot else signs)
    other = _spelled(title, leading_dot)
    return (
        f"the slug made from {title!r} is '{slug}' (its page is terms/{slug}/), without its "
        f"{dropped}; to choose another, rename the file to {other}.md (--slug {other} names it so "
        "when the term is made)"
    )


def _spelled(title: str, leading_dot: bool) -> str:
    """A slug that spells out the signs a slug drops: 'cpp', 'csharp', 'dotnet'."""
    spelled = "dot" + title[1:] if leading_dot else title
    return slugify(spelled.replace("+", "p").replace("#", "sharp"))


def _spelled_slug(title: str, slug: str) -> str:
    """' (such as --slug csharp)' when spelling out the title's signs gives another slug."""
    other = _spelled(title, _LEADING_DOT_RE.match(title) is not None)
    return f" (such as --slug {other})" if other and other != slug else ""


def _file_slug(title: str, given: str | None) -> str:
    """The file name's stem: `given`, or one made from the title's letters and digits (those
    slugify can write in a-z, so a title in Chinese or Japanese needs --slug)."""
    if given is not None:
        if not SLUG_RE.match(given):
            raise ScaffoldRefused(f"--slug '{given}' must be lowercase letters, digits and single hyphens")
        if len(given) > MAX_SLUG:
            raise ScaffoldRefused(f"--slug is {len(given)} characters long; give one of at most {MAX_SLUG}")
        slug = given
    else:
        slug = slugify(title)
        if not slug:
            raise ScaffoldRefused(
                f"cannot make a file name from {title!r}; give one with --slug, e.g. --slug my-term"
            )
    if len(slug) > MAX_SLUG:
        raise ScaffoldRefused(
            f"the file name would be {len(slug)} characters long; give one of at most {MAX_SLUG} with --slug"
        )
    return slug


def _write_new(path: Path, text: str) -> None:
    """A new file, whole or not at all: a half-written term or site.yml would break the next
    build. Never replaces a file, even one made meanwhile."""
    with path.open("x", encoding="utf-8") as handle:
        try:
            handle.write(text)
            handle.flush()
        except BaseException:
            path.unlink(missing_ok=True)  # ours: "x" made it
            raise


def _check_names(
    root: Path, slug: str, given: list[str], related: list[str], made_from: str | None = None
) -> list[str]:
    """Refuse now what the next build would report: a name or an address taken, a related
    term unknown. Returns `related` naming each term once (by the first of its names given),
    as the build warns about a term listed twice, even by two of its names. `made_from` is the
    title the slug was made from, when no --slug was given."""
    names: dict[str, str] = {}
    slugs: dict[str, str] = {}
    spellings: list[str] = []
    former: dict[str, str] = {}
    problems = Diagnostics()
    terms = load_terms(root, problems)
    loaded = {term.path for term in terms}
    # a file that could not be read at all is no term yet, but is there, by its name
    unreadable = {slugify(Path(d.path).stem): d.path for d in problems.items if d.path not in loaded}
    for term in terms:
        slugs[name_key(term.slug)] = term.title
        for name in (term.slug, term.title, *term.aliases):
            names.setdefault(name_key(name), term.path)
            spellings.append(name)
        former.update((ref.text, term.path) for ref in term.former_slugs)
    if slug in former:
        raise ScaffoldRefused(
            f"terms/{slug}/ is a former address of {former[slug]} (its former_slugs); "
            "remove it there first, or give this term another --slug"
        )
    for name in given:
        key = name_key(name)
        if (moved := former.get(slugify(name))) is not None:  # its links would quietly move here
            raise ScaffoldRefused(
                f"'{name}' is a former slug of {moved} (its former_slugs): as a name of this term, links "
                "naming it would lead here instead; give this term another name, or remove it there first"
            )
        if key in names and name == slug and made_from is not None and name_key(made_from) != key:
            raise ScaffoldRefused(  # 'C#' after 'C++': both make 'c'; the title itself is free
                f"the slug '{slug}' made from {made_from!r} is already a name of {names[key]}; "
                f"name this term's file with --slug{_spelled_slug(made_from, slug)}"
            )
        if key in names and name == slug and made_from is None:
            raise ScaffoldRefused(
                f"--slug '{slug}' is already a name of {names[key]}; give this term another --slug"
            )
        if key in names and key in slugs and name_key(slugs[key]) != key:  # 'Uber', after 'Über' made uber.md
            raise ScaffoldRefused(
                f"'{name}' is already a name of {names[key]}, '{slugs[key]}': its slug, which wiki-links "
                "may name it by too; give this term another name, or that one another slug"
            )
        if key in names:
            raise ScaffoldRefused(f"'{name}' is already a name of {names[key]}; edit that term")
        if (taken := resolve(names, name)) is not None:  # links would quietly change target
            raise ScaffoldRefused(
                f"links naming '{name}' lead to {taken} already (a plural of one of its names); "
                "add it there as an alias, or give this term another name"
            )
    first: dict[str, str] = {}
    for name in related:
        if (target := resolve(names, name)) is None:
            if (broken := unreadable.get(slugify(name))) is not None:
                raise ScaffoldRefused(
                    f"--related '{name}' names {broken}, which cannot be read; "
                    "run `glossary check` and fix it first"
                )
            meant = meant_by(name, spellings)
            aside = f" (did you mean '{meant}'?)" if meant is not None else ""
            raise ScaffoldRefused(
                f"--related '{name}' is not an existing term{aside}; make that term first, "
                "or leave this --related out and add it to the new term's related list later"
            )
        first.setdefault(target, name)
    return list(first.values())
