"""A site's template that no page is made with: most often one whose name or folder is
misspelt (`templates/partial/cta.html`), which would otherwise change nothing and say nothing,
since a site may keep templates of its own. Found by following what the page templates
extend, include and import, as the site and the theme give them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from glossary_site import content_files, template_names
from glossary_site.diagnostics import Diagnostic, Severity, suggesting
from glossary_site.render import TEMPLATES, Templates
from glossary_site.template_files import THEME

#: What a template is named; another file in templates/ (a README) is not a template.
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".js")
#: What other tools name Jinja templates with, after their own extension or instead of it.
JINJA_EXTENSIONS = (".j2", ".jinja", ".jinja2")
REPLACED_BUT_UNUSED = (
    "no page is made with this template: it replaces the theme's template of that name, which "
    "none of the site's templates extends, includes or imports any more; put its include back "
    "where it should show, or delete this file"
)


def unused_templates(root: Path, templates: Templates) -> Iterator[Diagnostic]:
    """A warning at each of the site's templates that no page template reaches; none when
    one names templates by a variable, as it may reach any of them."""
    reached = template_names.reached(templates.named, TEMPLATES.values())
    if reached is None:
        return
    theme = {name for name, _ in content_files.template_files(THEME / "templates")}
    ours = [name for name, _ in content_files.template_files(root / "templates")]
    # A name a template gives that no file has is an error there, which names the template
    # meant (template_names.meant); this one is not told to take that name instead.
    missing = sorted(reached - theme - set(ours))
    known = (reached | theme) - set(missing)
    unused = [name for name in ours if name not in reached]
    # A misspelling is of a name that would change something: a theme template the site does
    # not replace yet, never another template of the site's.
    free = sorted(theme - set(ours))
    for name in unused:
        named = [m for m in missing if template_names.meant(m, [*theme, *ours]) == name]
        users = [user for user in unused if user != name and name in (templates.named(user) or ())]
        if named:
            yield Diagnostic(f"templates/{name}", 1, _named_otherwise(name, named[0]), Severity.WARNING)
        elif not name.endswith(TEMPLATE_SUFFIXES):
            yield from _misnamed(name, known, set(ours))
        elif users:
            message = _used_by_unused(templates, name, users)
            yield Diagnostic(f"templates/{name}", 1, message, Severity.WARNING)
        elif name in theme:  # its name is right: an override of the template that used it left it out
            yield Diagnostic(f"templates/{name}", 1, REPLACED_BUT_UNUSED, Severity.WARNING)
        else:
            hint = suggesting(template_names.meant(name, free))
            message = f"no page is made with this template: no other extends, includes or imports it{hint}"
            yield Diagnostic(f"templates/{name}", 1, message, Severity.WARNING)


def _used_by_unused(templates: Templates, name: str, users: list[str]) -> str:
    """A template used only by templates no page is made with: each of those is warned about
    too, and fixing that one (or deleting them all) is the way out, not another name."""
    if len(users) > 1:
        listed = ", ".join(f"templates/{user}" for user in users[:-1]) + f" and templates/{users[-1]}"
        return (
            f"no page is made with this template: only {listed} extend, include or import it,"
            " and no page is made with those either"
        )
    found = templates.parsed(users[0])
    verb = template_names.naming(found[1], name) if found is not None else "names"
    return (
        f"no page is made with this template: only templates/{users[0]} {verb} it,"
        " and no page is made with that one either"
    )


def _named_otherwise(name: str, named: str) -> str:
    """The file of a template named by a slip: the name is to be corrected where it is
    given, as the error there says, unless the file's extension is the slip."""
    message = f"no page is made with this template: {named!r} is named but not found"
    if posixpath.splitext(name)[0] == posixpath.splitext(named)[0]:
        return f"{message}; rename this file to {named!r}, or name it {name!r} where it is used"
    return f"{message}; if it means this template, correct that name to {name!r} where it is used"


def _misnamed(name: str, templates: set[str], ours: set[str]) -> Iterator[Diagnostic]:
    """A file that would be a template under another extension (`partials/cta.htm`,
    `term.jinja`, `partials/cta.html.j2`) overrides nothing either; a README, or a backup
    such as `term.html.bak`, is no such file. Beside the site's own template of that name it is
    a stale copy, which taking the name would write over."""
    stem, extension = posixpath.splitext(name)
    named = [stem] if extension in JINJA_EXTENSIONS else []
    meant = [n for n in (*named, *(stem + suffix for suffix in TEMPLATE_SUFFIXES)) if n in templates]
    if meant and meant[0] in ours:
        message = (
            f"no page is made with this file: templates/{meant[0]} is the template pages are made"
            " with; delete this file if it is an old copy"
        )
        yield Diagnostic(f"templates/{name}", 1, message, Severity.WARNING)
    elif meant:
        message = (
            "no page is made with this file: a template is named in full, its extension too;"
            f" did you mean {meant[0]!r}?"
        )
        yield Diagnostic(f"templates/{name}", 1, message, Severity.WARNING)
