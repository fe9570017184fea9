"""What a template that extends another writes where nothing shows it: a block that the
template it extends does not have, or text outside any block.

Jinja shows only the blocks of the base a template extends, so a misspelt `{% block mian %}`,
a `templates/base.html` whose copy renamed `main`, or a paragraph added below the last
`{% endblock %}`, leaves that part of the pages empty, and neither the build nor the check
would say so. Only chains holding a site template are looked at: the theme's own templates
fit each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import nodes

from glossary_site.diagnostics import Diagnostic, Severity, did_you_mean, meant_by
from glossary_site.render import TEMPLATES, Templates
from glossary_site.template_files import THEME_LABEL, Loader

STRAY_TEXT = "text outside any block in a template that extends another is never shown; put it inside a block"


@dataclass(frozen=True)
class _Shape:
    """What of one template's blocks matters here."""

    shown: str
    #: The template it extends, when it names one outright.
    extends: str | None
    #: Its blocks not inside another of its blocks, with their lines: what it fills.
    filled: tuple[tuple[str, int], ...]
    #: Every block it has, nested ones too: what a template extending it may fill.
    offered: frozenset[str]
    #: The line of each of those.
    lines: tuple[tuple[str, int], ...]
    #: Blocks it shows by `self.name()`, which a child may add without its base having them.
    called: frozenset[str]
    #: The lines of text it has outside its blocks after an `{% extends %}`, which Jinja drops.
    stray: tuple[int, ...] = ()

    @property
    def theirs(self) -> bool:
        return self.shown.startswith(THEME_LABEL)


def stray_blocks(templates: Templates) -> Iterator[Diagnostic]:
    """A warning at each block nothing shows, at the site's template at fault: the one filling
    it, or, for a theme page, the site's base that lacks the block. Run after the templates
    were examined, so that the loader knows whether the site has any of its own."""
    loader = templates.env.loader
    assert isinstance(loader, Loader)
    shown = loader.shown.values()
    ours = {name.removeprefix("templates/") for name in shown if not name.startswith(THEME_LABEL)}
    if not ours:
        return
    shapes: dict[str, _Shape | None] = {}
    found: list[Diagnostic] = []
    #: A theme template's block that the site's base lacks: said once at that base, as the
    #: fault is the base's, for all the theme's templates filling it.
    lacking: dict[tuple[_Shape, str], list[str]] = {}
    for name in _reached(templates):
        # A theme template can extend a site's only when it names one (the theme's base
        # extends nothing), so the rest are left alone.
        if name not in ours and ours.isdisjoint(templates.named(name) or ()):
            continue
        shape = _shape(templates, name, shapes)
        chain = _ancestors(templates, shape.extends, shapes) if shape and shape.extends else None
        if shape is not None and not shape.theirs:
            found += (Diagnostic(shape.shown, line, STRAY_TEXT, Severity.WARNING) for line in shape.stray)
        if shape is None or chain is None or all(s.theirs for s in (shape, *chain)):
            continue
        offered = frozenset().union(*(a.offered for a in chain))
        called = shape.called.union(*(a.called for a in chain))
        for block, line in shape.filled:
            if block in offered or block in called:
                continue
            if shape.theirs:
                own = next(a for a in chain if not a.theirs)
                lacking.setdefault((own, block), []).append(f"{shape.shown}:{line}")
                continue
            message = (
                f"block '{block}' is not a block of {chain[0].shown}, which this template extends,"
                f" so nothing shows it{did_you_mean(block, sorted(offered))}"
            )
            found.append(Diagnostic(shape.shown, line, message, Severity.WARNING))
    found += (_lacking(own, block, sorted(fillers)) for (own, block), fillers in lacking.items())
    yield from sorted(set(found))


def _lacking(own: _Shape, block: str, fillers: list[str]) -> Diagnostic:
    if len(fillers) == 1:
        message = f"no block '{block}', which {fillers[0]} fills, so its pages show none of it"
    else:
        message = (
            f"no block '{block}', which {fillers[0]} and {len(fillers) - 1} other theme templates fill,"
            " so their pages show none of it"
        )
    renamed = meant_by(block, sorted(own.offered - own.called))
    if renamed is None:
        message += f"; keep the theme's {{% block {block} %}}"
        return Diagnostic(own.shown, 1, message, Severity.WARNING)
    line = dict(own.lines)[renamed]
    return Diagnostic(own.shown, line, f"{message}; name this block '{block}' again", Severity.WARNING)


def _reached(templates: Templates) -> list[str]:
    """The page templates and every template they name outright."""
    reached: list[str] = []
    waiting = sorted(TEMPLATES.values())
    while waiting:
        name = waiting.pop()
        if name not in reached:
            reached.append(name)
            waiting += templates.named(name) or ()
    return reached


def _ancestors(templates: Templates, name: str, shapes: dict[str, _Shape | None]) -> list[_Shape] | None:
    """The base named and all it extends in turn; None when one cannot be known (missing,
    broken, named by a variable, or a loop), which the templates' check reports."""
    chain: list[_Shape] = []
    current: str | None = name
    while current is not None:
        shape = _shape(templates, current, shapes)
        if shape is None or shape in chain:
            return None
        chain.append(shape)
        current = shape.extends
    return chain


def _shape(templates: Templates, name: str, shapes: dict[str, _Shape | None]) -> _Shape | None:
    if name not in shapes:
        shapes[name] = _read(templates, name)
    return shapes[name]


def _read(templates: Templates, name: str) -> _Shape | None:
    found = templates.parsed(name)
    if found is None:  # missing, unreadable or broken: the templates' check reports it
        return None
    shown, parsed = found
    extends = [node.template for node in parsed.find_all(nodes.Extends)]
    named = extends[0].value if len(extends) == 1 and isinstance(extends[0], nodes.Const) else None
    return _Shape(
        shown=shown,
        extends=named if isinstance(named, str) else None,
        filled=tuple(_outer_blocks(parsed)),
        offered=frozenset(block.name for block in parsed.find_all(nodes.Block)),
        lines=tuple((block.name, block.lineno) for block in parsed.find_all(nodes.Block)),
        called=frozenset(
            node.attr
            for node in parsed.find_all(nodes.Getattr)
            if isinstance(node.node, nodes.Name) and node.node.name == "self"
        ),
        stray=tuple(sorted(set(_stray_text(parsed)))),
    )


def _stray_text(parsed: nodes.Template) -> Iterator[int]:
    """The lines of what Jinja drops in a child template: text and expressions outside its
    blocks once it has extended, in a branch or a loop too. Before the `{% extends %}` they are
    shown, and `{% set %}`, imports and macros there do their work."""
    extended = False
    for node in parsed.body:
        if extended:
            yield from _shown(node)
        extended = extended or isinstance(node, nodes.Extends)


def _shown(node: nodes.Node) -> Iterator[int]:
    if isinstance(node, nodes.Output):
        for part in node.nodes:
            if not isinstance(part, nodes.TemplateData):
                yield part.lineno
            elif part.data.strip():
                blank = part.data[: len(part.data) - len(part.data.lstrip())]
                yield part.lineno + blank.count("\n")
    elif isinstance(node, nodes.CallBlock):
        yield node.lineno
    elif not isinstance(node, (nodes.Block, nodes.Macro)):
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Stmt):
                yield from _shown(child)


def _outer_blocks(node: nodes.Node) -> Iterator[tuple[str, int]]:
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child.name, child.lineno
        else:
            yield from _outer_blocks(child)
