"""A template asking a value for a field it does not have, said as its author wrote it:
`'term' has no field 'titel'; did you mean 'title'?`, where Jinja would say
`'glossary_site.model.TermSource object' has no attribute 'titel'`, naming a Python class
the author never sees and offering nothing to write instead.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.utils import missing

from glossary_site.diagnostics import did_you_mean


class NoField(jinja2.UndefinedError):
    """A value used with a field it does not have; the template that asked names the value."""

    def __init__(self, value: object, field: str, jinja_message: str | None = None) -> None:
        self.field = field
        self.is_none = value is None
        self.suggestion = did_you_mean(field, _fields(value))
        super().__init__(self.said(None))

    def said(self, written: str | None) -> str:
        """The message, naming the value as the template wrote it (`term`, `card.term`) when
        that is known."""
        subject = repr(written) if written else "this value"
        if self.is_none:
            return f"{subject} is none here, so it has no field {self.field!r}"
        return f"{subject} has no field {self.field!r}{self.suggestion}"


class FieldUndefined(jinja2.StrictUndefined):
    """Jinja's strict undefined, raising NoField for a missing field of a value; an undefined
    variable, and one made with its own message (a label's), keep Jinja's words."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError,
    ) -> None:
        if hint is None and obj is not missing and isinstance(name, str):
            # Jinja raises exc(message) only when the value is used: a NoField that knows
            # the value, its fields looked at only then, and never for `is defined`.
            exc = cast("type[jinja2.TemplateRuntimeError]", functools.partial(NoField, obj, name))
        super().__init__(hint, obj, name, exc)


def _fields(value: object) -> list[str]:
    """What a template may ask `value` for: a mapping's keys and its public attributes that
    are not methods (a dataclass's fields and properties), so that a text's `.title()` is not
    offered for a term's `name`."""
    keys = [key for key in value if isinstance(key, str)] if isinstance(value, Mapping) else []
    public = (name for name in dir(value) if not name.startswith("_"))
    return keys + [name for name in public if not callable(getattr(value, name, None))]


def written(env: jinja2.Environment, filename: str, line: int, field: str) -> str | None:
    """The value asked for `field` as the template in `filename` writes it (`term`,
    `card.term`, `terms[0]`): the one at `line`, or else the only one in the file (a value
    set aside with `set` fails where it is used); None when that is not one."""
    try:
        with open(filename, encoding="utf-8") as file:
            parsed = env.parse(file.read())
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None
    asked = [
        (node.lineno, _written(node.node))
        for node in parsed.find_all((nodes.Getattr, nodes.Getitem))
        if isinstance(node, (nodes.Getattr, nodes.Getitem)) and _field_of(node) == field
    ]
    for found in ({text for at, text in asked if at == line}, {text for _, text in asked}):
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _field_of(node: nodes.Node) -> object:
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return node.arg.value
    return None


def _written(expr: nodes.Node) -> str | None:
    if isinstance(expr, nodes.Name):
        return expr.name
    if isinstance(expr, (nodes.Getattr, nodes.Getitem)):
        base = _written(expr.node)
        field = _field_of(expr)
        if base is None or field is None:
            return None
        return f"{base}.{field}" if isinstance(field, str) and field.isidentifier() else f"{base}[{field!r}]"
    return None
