"""Reading a site's template files for Jinja: the site's templates/ first, then the theme's.

A name in the site's templates/ that is not a readable file (a link to nothing, a folder, a
named pipe) is an error at that file; Jinja's own loader passes over it to the theme's
template, so the site's own would go unnoticed. Nothing is opened before it is known to be a
regular file, as opening a named pipe waits for a writer.
"""

from __future__ import annotations

import functools
import os
import posixpath
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from glossary_site import content_files
from glossary_site.diagnostics import Diagnostic

THEME = Path(__file__).parent / "theme"
#: How diagnostics name the theme's folder.
THEME_LABEL = "(theme)"


class TemplateFileError(jinja2.TemplateError):
    """A template's file cannot be read as one: reported at that file, wherever it is used."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


#: Whether a template's file is as it was read (Jinja asks only with auto_reload).
_UpToDate = Callable[[], bool]


class Loader(jinja2.BaseLoader):
    """As Jinja's FileSystemLoader, but a site's template that cannot be read is an error."""

    def __init__(self, root: Path) -> None:
        self.folders = [
            (os.fspath(root / "templates"), "templates"),
            (os.fspath(THEME / "templates"), f"{THEME_LABEL}/templates"),
        ]
        #: How each file read is named in diagnostics, by the file name Jinja knows it by (in
        #: its syntax errors and in the tracebacks of what fails as it runs).
        self.shown: dict[str, str] = {}

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, _UpToDate]:
        pieces = split_template_path(template)  # a name with '..' is not found
        if not pieces:  # "" would name the folder itself
            raise jinja2.TemplateNotFound(template)
        for folder, label in self.folders:
            filename = os.path.normpath(posixpath.join(folder, *pieces))
            shown = posixpath.join(label, *pieces)
            read = _read(filename, shown)
            if read is not None:
                self.shown[filename] = shown
                return read[0], filename, functools.partial(_unchanged, filename, read[1])
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """Every name a template may be found by, in either folder: what one naming others by
        a variable (`include "extra/" ~ term.slug ~ ".html"`) may come to use, through linked
        folders too, as get_source finds them."""
        return sorted(
            {name for folder, _ in self.folders for name, _ in content_files.template_files(Path(folder))}
        )


def _read(filename: str, shown: str) -> tuple[str, tuple[int, int]] | None:
    """A template file's text and times (modification, change); None when nothing has that name."""
    try:
        os.lstat(filename)  # opens nothing
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise _file_error(shown, 1, f"cannot be examined: {error.strerror or error}") from None
    try:
        _check_kind(os.stat(filename).st_mode, shown)  # follows links, opens nothing
        with open(filename, "rb", opener=_without_waiting) as file:
            status = os.fstat(file.fileno())
            _check_kind(status.st_mode, shown)  # replaced since it was looked at
            data = file.read()
    except FileNotFoundError:  # lstat found the name: a link to nothing
        raise _file_error(shown, 1, "a symbolic link to nothing: its target does not exist") from None
    except OSError as error:
        raise _file_error(shown, 1, f"cannot be read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8"), (status.st_mtime_ns, status.st_ctime_ns)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _file_error(shown, line, "file is not valid UTF-8; save it as UTF-8") from None


def _without_waiting(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_kind(mode: int, shown: str) -> None:
    message = content_files.special_file_message(mode, "a template must be a plain text file")
    if message is not None:
        raise _file_error(shown, 1, message)


def _file_error(shown: str, line: int, message: str) -> TemplateFileError:
    return TemplateFileError(Diagnostic(shown, line, message))


def _unchanged(filename: str, modified: tuple[int, int]) -> bool:
    """Changed when either time is: an edit may get its old modification time back (cache.Stamp)."""
    try:
        status = os.stat(filename)
        return (status.st_mtime_ns, status.st_ctime_ns) == modified
    except OSError:
        return False
