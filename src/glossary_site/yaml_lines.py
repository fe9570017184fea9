"""Safe YAML loading that remembers the file line of every key and list item.

Messages must point at the offending line of the file, and PyYAML only exposes positions on
the node tree, so documents are composed first, walked for lines, then constructed safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

Path = tuple[str | int, ...]
MAX_DEPTH = 40
MAX_NUMBER_LENGTH = 1000


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading through libyaml (several times faster), with dates left as text.

    PyYAML turns 2025-02-30 into a crash, not an error; the field's own check parses dates
    and reports a bad one at its line.
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


SAFE_LOADER = _Loader


@dataclass(frozen=True)
class Located:
    """Loaded data plus the 1-based file line of each key/item and of each value's text."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    value_lines: dict[Path, int] = field(default_factory=dict)

    def line(self, *path: str | int, default: int = 1) -> int:
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default

    def value_line(self, *path: str | int) -> int:
        return self.value_lines.get(path, self.line(*path))


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def load(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document whose first line is `first_line` of the file.

    Anchors and aliases are refused: front matter never needs them, and refusing them rules
    out alias-expansion bombs. Duplicate keys are refused because the last one silently wins.
    Lines are counted from character positions, as YAML also breaks lines at U+2028 and
    friends, which no editor shows as a new line.
    """
    where = _Lines(text, first_line)
    too_deep = _too_deep_at(text)  # libyaml recurses in C; a deep enough file crashes it
    if too_deep is not None:
        raise YamlProblem(where.of(too_deep), f"YAML is nested more than {MAX_DEPTH} levels deep")
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None)
        lines: dict[Path, int] = {}
        value_lines: dict[Path, int] = {}
        _walk(node, (), where, lines, value_lines, set())
        data = _construct(loader, node, where)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = where.of(mark.index) if mark else first_line
        raise YamlProblem(line, f"invalid YAML: {_one_line(exc.problem or exc.context)}") from None
    except yaml.reader.ReaderError as exc:
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"character U+{code:04X} is not allowed in YAML; remove it"
        raise YamlProblem(where.of(exc.position), message) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"invalid YAML: {_one_line(exc)}") from None
    except RecursionError:
        raise YamlProblem(first_line, "YAML is nested too deeply") from None
    finally:
        loader.dispose()
    return Located(data, lines, value_lines)


class _Lines:
    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.first_line = text, first_line

    def of(self, index: int) -> int:
        return self.first_line + self.text.count("\n", 0, index)

    def node(self, node: yaml.Node) -> int:
        return self.of(node.start_mark.index)


def _construct(loader: Any, node: yaml.Node, where: _Lines) -> Any:
    """Build values key by key, so a value PyYAML cannot build is reported at its own line."""
    if not isinstance(node, yaml.MappingNode):
        return _build_value(loader, node, where.node(node))
    return {
        _build_value(loader, key, where.node(key)): _build_value(loader, value, where.node(key))
        for key, value in node.value
    }


def _build_value(loader: Any, node: yaml.Node, line: int) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except RecursionError:
        raise
    except Exception as exc:  # PyYAML lets KeyError, ValueError... out for odd scalars
        raise YamlProblem(line, f"invalid YAML value: {_one_line(exc)}") from None


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _too_deep_at(text: str) -> int | None:
    """Where [ and { brackets first nest deeper than MAX_DEPTH, ignoring quoted text."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def _walk(
    node: yaml.Node,
    path: Path,
    where: _Lines,
    lines: dict[Path, int],
    value_lines: dict[Path, int],
    seen_nodes: set[int],
) -> None:
    line = where.node(node)
    seen_nodes.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlProblem(line, f"YAML is nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":int") and len(node.value) > MAX_NUMBER_LENGTH:
            raise YamlProblem(line, f"a number of {len(node.value)} characters is too long")
        value_lines[path] = line + (1 if node.style in ("|", ">") else 0)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = where.node(item)
            _refuse_alias(item, lines[(*path, index)], seen_nodes)
            _walk(item, (*path, index), where, lines, value_lines, seen_nodes)
    elif isinstance(node, yaml.MappingNode):
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_line = where.node(key_node)
            if key in first_seen:
                raise YamlProblem(key_line, f"duplicate key '{key}' (first given on line {first_seen[key]})")
            first_seen[key] = key_line
            lines[(*path, key)] = key_line
            _refuse_alias(value_node, key_line, seen_nodes)
            _walk(value_node, (*path, key), where, lines, value_lines, seen_nodes)


def _refuse_alias(node: yaml.Node, line: int, seen_nodes: set[int]) -> None:
    """An alias is a node met twice; refusing it also bounds alias-expansion bombs."""
    if id(node) in seen_nodes:
        raise YamlProblem(line, "YAML anchors and aliases (&name, *name) are not supported")
