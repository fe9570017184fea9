"""A file that a site's own template links from the site's root and the build does not write.

`<link rel="stylesheet" href="{{ root }}assets/custm.css">` in templates/partials/head.html
ships a page whose stylesheet is missing, and neither the build nor a browser's page says so:
links in Markdown are checked, and a template's address is as much the site's. Only files are
looked at (a name with an extension other than .html): a page such as tools/index.html may be
linked in a branch the template takes only when that page is made, and Pagefind's files are
written after the pages.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from jinja2 import nodes

from glossary_site import content_files
from glossary_site.diagnostics import Diagnostic, Severity, did_you_mean
from glossary_site.render import Templates

#: The address written right after `{{ root }}`, up to where an attribute's value would end.
ADDRESS_RE = re.compile(r"[^\s\"'<>?#]+")
#: Written by Pagefind once the pages are, so never among the build's files.
SEARCH_FILES = "pagefind/"
CHECK_THE_PATH = "; check the path (a file of static/ or of the theme's static/ is written at the same path)"


def dead_template_links(root: Path, templates: Templates, files: set[str]) -> Iterator[Diagnostic]:
    """An error at each address after `{{ root }}` in the site's templates that names a file
    (assets/site.css, images/logo.png) no output file is; `files` are the output's paths."""
    for name, _ in content_files.template_files(root / "templates"):
        found = templates.parsed(name)
        if found is None:
            continue
        shown, tree = found
        for line, address in _root_addresses(tree):
            path = urllib.parse.unquote(address)
            if _is_file(path) and not path.startswith(SEARCH_FILES) and path not in files:
                folder = posixpath.dirname(path)
                siblings = [file for file in files if posixpath.dirname(file) == folder]
                hint = did_you_mean(path, siblings) or CHECK_THE_PATH
                message = f"'{{{{ root }}}}{address}' leads to no file of this site{hint}"
                yield Diagnostic(shown, line, message, Severity.ERROR)


def _root_addresses(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    for output in tree.find_all(nodes.Output):
        for before, after in pairwise(output.nodes):
            if (
                isinstance(before, nodes.Name)
                and before.name == "root"
                and isinstance(after, nodes.TemplateData)
            ):
                address = ADDRESS_RE.match(after.data)
                if address is not None:
                    yield after.lineno, address.group()


def _is_file(path: str) -> bool:
    extension = posixpath.splitext(posixpath.basename(path))[1].lower()
    return extension not in ("", ".html")
