"""Find the term files under content/terms, the tool files under content/tools and the files
static/ publishes, and say why anything there or in templates/ cannot be read.

Walking a folder editors control meets symbolic links, loops, special files, folders that
cannot be listed and names that are not UTF-8; each is a diagnostic, never an exception, and
nothing is ever opened before it is known to be a regular file (opening a named pipe would
wait forever).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from glossary_site.diagnostics import Diagnostic, Severity
from glossary_site.fingerprint import is_stray_file, leads_back
from glossary_site.front_matter import count
from glossary_site.slugs import slugify

TERMS_DIR = "content/terms"
TOOLS_DIR = "content/tools"
STATIC_DIR = "static"
TEMPLATES_DIR = "templates"
TERM_RULE = "a term file must be a plain text file, so it is not read"
STATIC_RULE = "a static file must be a plain file, so it is not published"


def find_term_files(root: Path) -> list[str]:
    """Term files as sorted posix paths relative to the root, so every run sees one order.

    Only regular files are term files: opening a named pipe called x.md would block the build
    forever. Symbolic links that lead outside content/, nowhere, or to anything but a regular
    file are skipped; walk_problems() reports them and everything else skipped here. Linked
    folders are never followed, so a link loop cannot trap the walk.
    """
    return _scan(root, TERMS_DIR).files


def find_tool_files(root: Path) -> list[str]:
    """Tool files, by the same rules as term files."""
    return _scan(root, TOOLS_DIR).files


def misnamed_files(root: Path, folder: str) -> list[Misnamed]:
    """The files in content/terms (or content/tools, by `folder`) that are term (or tool) files
    but for their ending (stock.MD, stock.markdown, stock.md.txt), with the name to give each.
    Each is an error (walk_problems); a reference to it is not one as well, as the file is
    there to be renamed, as a term file that cannot be read is."""
    return _scan(root, folder).misnamed


def static_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """The files below a static folder that a build publishes, by posix path relative to it:
    regular files and links to one, but no editor's working file nor file browser's settings
    (fingerprint.is_stray_file). Everything else is skipped unopened, a named pipe included;
    walk_problems() says why."""
    return _plain_files(folder, None)


def template_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """As static_files(), but through linked folders too: Jinja looks a template up by its
    path, through any link, so a template behind one is as much the site's as any other. A
    link to a folder the walk is in, or one holding it (`up -> ..`), is not entered."""
    return _plain_files(folder, (os.path.realpath(folder),))


def _plain_files(folder: Path, walked: tuple[str, ...] | None) -> Iterator[tuple[str, Path]]:
    for relative, entry, kind in _entries(folder, False, [], walked=walked):
        if kind in (FILE, LINK) and not is_stray_file(entry.name) and _is_file(entry):
            yield relative, Path(entry.path)


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Follows a link (a stat call); for anything else the directory record says it."""
    try:
        return entry.is_file()
    except OSError:
        return False


# What a folder entry is, told by its directory record alone where the file system gives it;
# NAME is one whose name is not UTF-8, which is never read nor entered.
FILE, FOLDER, LINK, OTHER, NAME = "file", "folder", "link", "other", "name"

# An entry below a folder: its posix path relative to that folder, the entry, and its kind.
_Entry = tuple[str, os.DirEntry[str], str]


class Misnamed(NamedTuple):
    """A term or tool file named with another ending than '.md', and the path (from the site)
    it should have."""

    path: str
    renamed: str


@dataclass(frozen=True)
class _Scan:
    files: list[str]
    problems: list[Diagnostic]
    misnamed: list[Misnamed]


#: The endings editors and tools give Markdown files, in any letter case: a file so named in
#: content/terms is a term file, but for its name. `.md.txt` is what an editor that adds
#: `.txt` to what it saves (TextEdit, Notepad) makes of `stock.md`.
_MARKDOWN_ENDINGS = (".md.txt", ".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")


def _markdown_ending(name: str) -> str | None:
    """The Markdown ending of a file name not ending in '.md', as written (`.MD`), or None."""
    lowered = name.lower()
    end = next((end for end in _MARKDOWN_ENDINGS if lowered.endswith(end)), None)
    return None if end is None or len(end) == len(name) else name[-len(end) :]


def _md_name(relative: str, ending: str) -> str:
    """The name to suggest for a content file with another ending: a slug where one can be
    made, as the file name is its slug and 'UPPER.md' would only lead to the next error."""
    folder, _, name = relative.rpartition("/")
    stem = name[: -len(ending)]
    return (f"{folder}/" if folder else "") + f"{slugify(stem) or stem}.md"


#: Text files other generators read, by how their names end: Sphinx's `glossary.rst` (and the
#: `.rst.txt` copy of it a built Sphinx site holds), AsciiDoc, Org, MDX, Quarto, R Markdown.
#: Images and other files beside the terms are no such file: each has a warning of its own
#: (UNCOPIED), that it belongs in static/.
_OTHER_FORMATS = (
    (".rst.txt", "a reStructuredText"),
    (".rst", "a reStructuredText"),
    (".rest", "a reStructuredText"),
    (".txt", "a plain text"),
    (".adoc", "an AsciiDoc"),
    (".asciidoc", "an AsciiDoc"),
    (".org", "an Org"),
    (".mdx", "an MDX"),
    (".qmd", "a Quarto"),
    (".rmd", "an R Markdown"),
)


def _other_format(name: str) -> str | None:
    """The format of a text file written for another generator, with its article, or None: a
    glossary.rst copied into content/terms/ would otherwise leave its terms out without a word."""
    lowered = name.lower()
    return next((format_name for end, format_name in _OTHER_FORMATS if lowered.endswith(end)), None)


def _scan(root: Path, folder: str) -> _Scan:
    """One walk of a content folder: its files, and why anything else named like one is not."""
    noun = "term" if folder == TERMS_DIR else "tool"
    content = (root / "content").resolve()
    unlisted: list[tuple[str, OSError]] = []
    files: list[str] = []
    problems: list[Diagnostic] = []
    endings: list[tuple[str, str]] = []
    for relative, entry, kind in _entries(root / folder, True, unlisted):
        path = f"{folder}/{relative}"
        if not relative.endswith(".md"):
            if kind == FILE and (ending := _markdown_ending(entry.name)) is not None:
                endings.append((relative, ending))
            elif kind == FILE and (format_name := _other_format(relative)) is not None:
                message = (
                    f"not read: a {noun} is one '.md' file that starts with front matter, and this is "
                    f"{format_name} file; write each {noun} in it as a file of its own, then delete it "
                    f"or move it out of {folder}/"
                )
                problems.append(Diagnostic(path, 1, message, Severity.WARNING))
            continue
        if kind == FILE or (kind == LINK and _links_to_term(entry.path, content)):
            files.append(path)
        elif kind == FOLDER:
            message = (
                f"a folder, not a {noun} file; rename it without '.md' (the {noun} files in it are read)"
            )
            problems.append(Diagnostic(path, 1, message, Severity.WARNING))
        elif kind == OTHER:
            problems.append(Diagnostic(path, 1, _special_entry_message(entry.path)))
    for relative, error in unlisted:
        problem = _unlisted_problem(folder, noun, relative, error)
        if problem is not None:
            problems.append(problem)
    found = set(files)
    misnamed = sorted(
        Misnamed(f"{folder}/{name}", f"{folder}/{_md_name(name, end)}") for name, end in endings
    )
    problems += [_misnamed_problem(file, folder, noun, found) for file in misnamed]
    return _Scan(sorted(files), problems, [file for file in misnamed if file.renamed not in found])


def _misnamed_problem(file: Misnamed, folder: str, noun: str, files: set[str]) -> Diagnostic:
    """An error, as its term would go missing and every reference to it fail; but a warning
    beside the file it would be renamed to, of which it is most likely an old copy."""
    said = f"not read: {noun} files end in '.md', not '{_markdown_ending(file.path)}'"
    if file.renamed in files:
        message = f"{said}, and {file.renamed} is there already; delete this copy, or merge it into that file"
        return Diagnostic(file.path, 1, message, Severity.WARNING)
    return Diagnostic(file.path, 1, f"{said}; rename it to '{file.renamed[len(folder) + 1 :]}'")


def _entries(
    folder: Path,
    skip_hidden: bool,
    unlisted: list[tuple[str, OSError]],
    prefix: str = "",
    walked: tuple[str, ...] | None = None,
) -> Iterator[_Entry]:
    """Every entry below `folder`; linked folders are listed, and entered only when `walked`
    is given: the real paths of the folders walked down to this one, so that a link leading
    back to one of them is not entered again (fingerprint.leads_back). A folder that cannot
    be listed goes into `unlisted` with its error, for the caller to report or not. os.scandir
    knows each entry's type without a stat call per file, which matters at 10,000 terms."""
    try:
        with os.scandir(folder) as listing:
            found = list(listing)
    except OSError as error:
        unlisted.append((prefix.rstrip("/"), error))
        return
    for entry in found:
        if skip_hidden and entry.name.startswith("."):
            continue
        relative = prefix + entry.name
        kind = _kind_of_entry(entry) if is_utf8(entry.name) else NAME
        yield relative, entry, kind
        if kind == FOLDER:
            below = None if walked is None else (*walked, os.path.join(walked[-1], entry.name))
            yield from _entries(Path(entry.path), skip_hidden, unlisted, relative + "/", below)
        elif kind == LINK and walked is not None and _leads_to_folder(entry):
            target = os.path.realpath(entry.path)
            if not leads_back(target, walked):
                below = (*walked, target)
                yield from _entries(Path(entry.path), skip_hidden, unlisted, relative + "/", below)


def _leads_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_utf8(name: str) -> bool:
    """Whether a name the OS gave (a file's, an environment variable's) is UTF-8: os.fsdecode
    turns each byte that is not into a lone surrogate, which no UTF-8 text (a page, a URL, a
    JSON report, Pagefind's input) can carry."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable_path(path: str) -> str:
    """A path with each byte that is not UTF-8 shown as Python writes it, e.g. `\\udcff`, as
    standard error shows any other path: the same on every stream and in JSON."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _kind_of_entry(entry: os.DirEntry[str]) -> str:
    """OTHER covers pipes, sockets and devices, and entries whose type could not be read
    (where the file system leaves it to an lstat call, which can fail on a too-long path)."""
    try:
        if entry.is_symlink():
            return LINK
        if entry.is_dir(follow_symlinks=False):
            return FOLDER
        if entry.is_file(follow_symlinks=False):
            return FILE
    except OSError:
        pass
    return OTHER


def _links_to_term(path: str, content: Path) -> bool:
    """A link is read as a term file only if it leads to a regular file inside content/."""
    try:
        target = Path(path).resolve(strict=True)
        return content in target.parents and stat.S_ISREG(os.stat(target).st_mode)
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return False


def special_file_message(mode: int, rule: str = TERM_RULE) -> str | None:
    """Why a file of this `mode` (from stat) is not read as a term file (or, by `rule`, not
    published as a static file), or None if it can be.

    An error, not a warning: the file is named as a term, so a term would go missing, and a
    named pipe would hang any tool that opened it.
    """
    kind = _special_kind(mode)
    if kind is None:
        return None
    return f"not a regular file but {kind}; {rule}"


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a folder" if stat.S_ISDIR(mode) else "a special file"


def _special_entry_message(path: str, rule: str = TERM_RULE) -> str:
    try:
        mode = os.lstat(path).st_mode  # lstat opens nothing, so a pipe cannot block it
    except OSError as error:
        return f"cannot be examined ({error.strerror or error}); it is not read"
    return special_file_message(mode, rule) or "could not be examined; it is not read"


def _unlisted_problem(folder: str, noun: str, relative: str, error: OSError) -> Diagnostic | None:
    """What a folder that could not be listed costs: its files would silently go missing."""
    where = f"{folder}/{relative}" if relative else folder
    if isinstance(error, FileNotFoundError):  # none yet, or a folder deleted mid-walk
        return None
    if isinstance(error, NotADirectoryError) and not relative:
        return Diagnostic(where, 1, f"not a folder; {noun}s go in a folder named {folder}")
    if error.errno == errno.ENAMETOOLONG:
        message = f"folder path is too long to open; move its {noun} files to a folder nearer {folder}"
    elif isinstance(error, PermissionError):
        message = (
            f"folder cannot be read (permission denied), so its {noun}s would be missing; "
            f"make it readable (chmod u+rx) or move it out of {folder}"
        )
    else:
        message = f"folder cannot be read ({error.strerror or error}), so its {noun}s would be missing"
    return Diagnostic(where, 1, message)


def walk_problems(root: Path) -> list[Diagnostic]:
    """Everything under content/, static/ and templates/ the build will not read.

    Named for its first job, symbolic links; it also reports what find_term_files() skipped:
    folders in content/terms that cannot be listed, and entries named *.md that are not regular
    files (errors: terms would go missing), folders named *.md (a warning: their files are
    still read), files named *.MD, *.markdown or *.md.txt (errors, as their terms would go
    missing too, but for an old copy beside its .md file) and text files of other generators'
    formats (glossary.rst) there (warnings); what static_files() skipped (_static_problems); and, in
    all three folders, names that are not UTF-8, in templates/ also in linked folders, as
    template_files() and the loader go through them. Elsewhere in content/, where nothing but
    site.yml is read, a Markdown file or a text file of another generator's format is a
    warning; a folder that cannot be listed is not reported. Any other file in content/ (an
    image beside its term) is a warning too, but for hidden ones and editors' working files.
    """
    content = (root / "content").resolve()
    problems = [*_scan(root, TERMS_DIR).problems, *_scan(root, TOOLS_DIR).problems]
    for relative, entry, kind in _entries(root / "content", skip_hidden=False, unlisted=[]):
        if kind == NAME:
            problems += _name_problem(f"content/{relative}", entry)
        elif kind == LINK:
            problem = _link_problem(f"content/{relative}", entry.path, content)
            if problem is None and _is_uncopied(relative):
                problem = Diagnostic(f"content/{relative}", 1, _uncopied(relative), Severity.WARNING)
            if problem is not None:
                problems.append(problem)
        elif kind == FILE and (message := _unread_elsewhere(relative)) is not None:
            problems.append(Diagnostic(f"content/{relative}", 1, message, Severity.WARNING))
        elif kind == FILE and _is_uncopied(relative):
            problems.append(Diagnostic(f"content/{relative}", 1, _uncopied(relative), Severity.WARNING))
    problems += _static_problems(root)
    templates: list[tuple[str, OSError]] = []
    linked = (os.path.realpath(root / TEMPLATES_DIR),)
    for relative, entry, kind in _entries(root / TEMPLATES_DIR, False, templates, walked=linked):
        if kind == NAME:
            problems += _name_problem(f"{TEMPLATES_DIR}/{relative}", entry)
    problems += [
        Diagnostic(TEMPLATES_DIR, 1, f"not a folder; templates go in a folder named {TEMPLATES_DIR}")
        for relative, error in templates
        if isinstance(error, NotADirectoryError) and not relative
    ]
    return sorted(problems)


UNREAD_MARKDOWN = (
    "not read: only the '.md' files in content/terms/ (terms) and content/tools/ (tools) are; "
    "move it into content/terms/ if it is a term, or delete it"
)


def terms_elsewhere(problems: list[Diagnostic]) -> list[Diagnostic] | None:
    """For a site with no term file: `problems` with their warnings about Markdown files
    elsewhere in content/ made one error, or None when there are none. content/terms renamed
    by a slip (content/term) would otherwise pass, with a warning for each term and one that
    there are no terms yet, and a build would replace the site with a glossary of none.

    Reported at the folder under content/ that holds the most of them (content/ itself for
    those right in it), naming each such folder with its count, most first."""
    unread = [problem.path for problem in problems if problem.message == UNREAD_MARKDOWN]
    if not unread:
        return None
    folders = Counter("/".join(path.split("/")[:2]) if path.count("/") > 1 else "content" for path in unread)
    (first, most), *rest = sorted(folders.items(), key=lambda item: (-item[1], item[0]))
    where = ", ".join([f"{count(most, 'Markdown file')} in {first}/", *(f"{n} in {f}/" for f, n in rest)])
    where = " and ".join(where.rsplit(", ", 1))
    move = "move the term files there"
    if first != "content":
        move = f"rename {first} to {TERMS_DIR}, or {move}"
    message = f"no term files in {TERMS_DIR}/, where terms must be, but {where}; {move}"
    kept = [problem for problem in problems if problem.message != UNREAD_MARKDOWN]
    return sorted([*kept, Diagnostic(first, 1, message)])


UNCOPIED = (
    "not read or copied: of content/, only site.yml and the '.md' files in content/terms/ and "
    "content/tools/ are read; files for the site go in static/ (e.g. static/terms/<slug>/, where "
    "a term page's relative links find them)"
)


#: A copy an editor or a tool kept of a Markdown file (`gpu.md.bak`, `gpu.md.orig`), which
#: belongs in no site: moving it to static/ would publish it.
_COPY_RE = re.compile(r"\.md\.[^/]+$", re.IGNORECASE)
COPY_KEPT = (
    "not read or copied: a copy of a Markdown file, which no page shows; delete it or move it out of content/"
)


def _uncopied(relative: str) -> str:
    if _COPY_RE.search(relative):
        return COPY_KEPT
    return UNCOPIED


def _is_uncopied(relative: str) -> bool:
    """Whether a file under content/ is left out of the site without any other word: an image
    beside its term, as a Hugo page bundle has it, would otherwise be missing from the page
    unexplained. Hidden files and editors' working files are no one's input, so not reported,
    and content/terms or content/tools as a file is an error of its own."""
    if relative[-3:].lower() == ".md" or relative in ("site.yml", "terms", "tools"):
        return False  # every term file, told first as there may be 10,000
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts) or is_stray_file(parts[-1]):
        return False
    return _markdown_ending(parts[-1]) is None and _other_format(relative) is None


def _unread_elsewhere(relative: str) -> str | None:
    """Why a text file elsewhere in content/ is not read, or None: Hugo's content/glossary/gpu.md
    or _index.md, or a Sphinx glossary.rst, copied over as they were, would otherwise go missing
    from the site without a word. site.yml, the one file read there, is neither."""
    parts = relative.split("/")
    if parts[0] in ("terms", "tools") or any(part.startswith(".") for part in parts):
        return None
    if relative.lower().endswith(".md"):
        return UNREAD_MARKDOWN
    format_name = _other_format(relative)
    if format_name is None:
        return None
    return (
        f"not read: this is {format_name} file, and only the '.md' files in content/terms/ (terms) "
        "and content/tools/ (tools) are; write each term in it as a '.md' file of its own in "
        "content/terms/, or delete it"
    )


def _static_problems(root: Path) -> list[Diagnostic]:
    """Whatever in static/ would not be published: errors, as a page would miss its file, but
    for a linked folder, which is not followed (a warning, as in content/). A link may lead
    anywhere: static files are copied, never run."""
    unlisted: list[tuple[str, OSError]] = []
    problems: list[Diagnostic] = []
    for relative, entry, kind in _entries(root / STATIC_DIR, skip_hidden=False, unlisted=unlisted):
        where = f"{STATIC_DIR}/{relative}"
        if kind == NAME:
            problems += _name_problem(where, entry)
        elif is_stray_file(entry.name):
            continue
        elif kind == OTHER:
            problems.append(Diagnostic(where, 1, _special_entry_message(entry.path, STATIC_RULE)))
        elif kind == LINK:
            problem = _link_problem(where, entry.path, None, "fix or remove it (it is not published)")
            if problem is not None:
                problems.append(problem)
    for relative, error in unlisted:
        problem = _unlisted_problem(STATIC_DIR, "static file", relative, error)
        if problem is not None:
            problems.append(problem)
    return problems


def _name_problem(where: str, entry: os.DirEntry[str]) -> list[Diagnostic]:
    """A name that is not UTF-8 cannot be a page's path or a term's file name in any report,
    so nothing of it is read; an editor's or file browser's file is no input at all."""
    if is_stray_file(entry.name):
        return []
    try:
        folder = entry.is_dir(follow_symlinks=False)
    except OSError:
        folder = False
    what = (
        "folder name is not valid UTF-8; rename it (nothing in it is read)"
        if folder
        else ("file name is not valid UTF-8; rename it")
    )
    return [Diagnostic(_printable_path(where), 1, f"the {what}")]


def _link_problem(
    where: str, path: str, inside: Path | None, ignored: str = "fix or remove it (it is not read)"
) -> Diagnostic | None:
    """What is wrong with a link, if anything; `inside`: the folder it must lead into, if any."""
    try:
        target = Path(path).resolve(strict=True)
        mode = os.stat(target).st_mode
    except (FileNotFoundError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return Diagnostic(where, 1, f"symbolic link is broken or loops; {ignored}")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Diagnostic(where, 1, f"symbolic link is broken or loops; {ignored}")
        reason = error.strerror or str(error)
        return Diagnostic(where, 1, f"symbolic link cannot be followed ({reason}); {ignored}")
    if inside is not None and inside not in target.parents:
        return Diagnostic(where, 1, "symbolic link points outside content/; it is not followed")
    if stat.S_ISDIR(mode):
        return Diagnostic(where, 1, "linked folders are not followed; move the files here", Severity.WARNING)
    kind = _special_kind(mode)
    if kind is None:
        return None
    return Diagnostic(where, 1, f"symbolic link leads to {kind}, not a regular file; {ignored}")
