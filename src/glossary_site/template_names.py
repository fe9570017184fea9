"""How templates name one another (extends, include, import), and what is said when a name is
wrong. A missing template and a site template nothing uses are often one slip seen from both
ends (`partials/metainfo.html` included, `partials/meta-info.html` written), so both messages
take the template meant from `meant` here, and agree on it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence

from jinja2 import nodes

from glossary_site.diagnostics import Diagnostic, closest, meant_by, suggesting
from glossary_site.template_files import THEME

#: Where a template names others it needs: its line, the names (any one will do), and whether
#: it may do without them all (an include with 'ignore missing').
Use = tuple[int, tuple[str, ...], bool]

_NAMING = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)
_VERBS: dict[type[nodes.Node], str] = {
    nodes.Extends: "extends",
    nodes.Include: "includes",
    nodes.Import: "imports",
    nodes.FromImport: "imports",
}


def reached(named: Callable[[str], tuple[str, ...] | None], starts: Iterable[str]) -> set[str] | None:
    """Every template `starts` extend, include or import, directly or through another, and
    themselves; None when one names a template by a variable (it may reach any) or cannot be
    read, as `named` (Templates.named) says."""
    found: set[str] = set()
    waiting = list(starts)
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        found.add(name)
        children = named(name)
        if children is None:
            return None
        waiting += children
    return found


def uses(parsed: nodes.Template) -> Iterator[Use]:
    """Every extends, include and import naming its templates outright; one naming them by
    a variable is known only as it runs."""
    for node in parsed.find_all(_NAMING):
        assert isinstance(node, _NAMING)
        names = _names(node.template)
        if names:
            yield node.lineno, names, isinstance(node, nodes.Include) and node.ignore_missing


def naming(parsed: nodes.Template, name: str) -> str:
    """How a template names another, as a message says it: 'extends', 'includes' or 'imports'."""
    for node in parsed.find_all(_NAMING):
        assert isinstance(node, _NAMING)
        if name in _names(node.template):
            return _VERBS[type(node)]
    return "names"


def _names(expr: nodes.Expr) -> tuple[str, ...]:
    """The template names an expression gives outright: a string, or a list of strings."""
    if isinstance(expr, nodes.Const):
        values = expr.value if isinstance(expr.value, (tuple, list)) else [expr.value]
    elif isinstance(expr, (nodes.List, nodes.Tuple)):
        values = [item.value if isinstance(item, nodes.Const) else None for item in expr.items]
    else:
        return ()
    return tuple(values) if all(isinstance(value, str) for value in values) else ()


def naming_itself(parsed: nodes.Template, name: str, shown: str) -> Iterator[Diagnostic]:
    """`{% extends "base.html" %}` in templates/base.html, or `{% include "partials/footer.html" %}`
    in templates/partials/footer.html to wrap the theme's, as one uses the theme's template in
    other generators: here that name is the file itself, and Jinja would recurse without end.
    Said at the line, with the way to change a theme's template that docs/themes.md gives,
    instead of a recursion error and warnings at the partials it leaves unused. An include or
    import in a branch, a loop or a macro may be a recursion that ends, so only one that runs
    whenever the template does is said."""
    naming: list[nodes.Node] = list(parsed.find_all(nodes.Extends))
    naming += (node for node in _always_run(parsed.body) if isinstance(node, _NAMING[1:]))
    for node in sorted(naming, key=lambda node: node.lineno):
        assert isinstance(node, _NAMING)
        names = _names(node.template)
        if not names or names[0] != name:
            continue
        verb = _VERBS[type(node)].removesuffix("s")
        message = f"template error: a template cannot {verb} itself: {name!r} here is this file"
        if (THEME / "templates").joinpath(*name.split("/")).is_file():
            message += (
                f", not the theme's; to change the theme's {name}, copy the theme's file"
                f" to {shown} instead and change the copy"
            )
        yield Diagnostic(shown, node.lineno, message)


#: Statements whose body runs whenever they do, unlike a branch, a loop, a macro or a call.
_RUN_THROUGH = (nodes.Block, nodes.With, nodes.FilterBlock, nodes.Scope, nodes.ScopedEvalContextModifier)


def _always_run(body: list[nodes.Node]) -> Iterator[nodes.Node]:
    for node in body:
        yield node
        if isinstance(node, _RUN_THROUGH):
            yield from _always_run(node.body)


def not_found(names: Sequence[object], available: Iterable[str]) -> str:
    """Why an extends or include fails, with the existing template most likely meant."""
    if not any(names):
        return "extends or include names no template: its name is empty"
    listed = " or ".join(repr(str(name)) for name in names)
    message = f"template {listed} not found in templates/ or the theme"
    if any(".." in str(name).split("/") for name in names):
        return message + "; a template is named by its path under templates/, which cannot go up with '..'"
    candidates = sorted(available)
    return message + suggesting(next(filter(None, (meant(str(n), candidates) for n in names)), None))


def meant(name: str, available: Iterable[str]) -> str | None:
    """The existing template a missing name most likely means: one of the same file name in
    another folder (`partial/cta.html`), else one whose file name is close (`meta-info` for
    `metainfo`). Only file names are compared, as every name shares folders and extensions
    enough to seem close to one not meant at all (`partials/logo.html`, `partials/footer.html`)."""
    others = sorted(other for other in available if other != name)
    namesakes = [other for other in others if posixpath.basename(other) == posixpath.basename(name)]
    if namesakes:
        return meant_by(name, namesakes) or namesakes[0]
    close = closest(_stem(name), {_stem(other) for other in others}, cutoff=0.75)
    matching = [other for other in others if _stem(other) == close]
    return (meant_by(name, matching) or matching[0]) if matching else None


def _stem(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[0].casefold()
