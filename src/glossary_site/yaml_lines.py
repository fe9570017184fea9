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
    """
    offset = first_line - 1
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None)
        lines: dict[Path, int] = {}
        value_lines: dict[Path, int] = {}
        _walk(node, (), offset, lines, value_lines, set())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        raise YamlProblem(line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"invalid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. an integer of 5,000 digits
        raise YamlProblem(first_line, f"invalid YAML value: {exc}") from None
    except RecursionError:
        raise YamlProblem(first_line, "YAML is nested too deeply") from None
    finally:
        loader.dispose()
    return Located(data, lines, value_lines)


def _walk(
    node: yaml.Node,
    path: Path,
    offset: int,
    lines: dict[Path, int],
    value_lines: dict[Path, int],
    seen_nodes: set[int],
) -> None:
    line = node.start_mark.line + 1 + offset
    seen_nodes.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlProblem(line, f"YAML is nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.ScalarNode):
        value_lines[path] = line + (1 if node.style in ("|", ">") else 0)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            _refuse_alias(item, lines[(*path, index)], seen_nodes)
            _walk(item, (*path, index), offset, lines, value_lines, seen_nodes)
    elif isinstance(node, yaml.MappingNode):
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_line = key_node.start_mark.line + 1 + offset
            if key in first_seen:
                raise YamlProblem(key_line, f"duplicate key '{key}' (first given on line {first_seen[key]})")
            first_seen[key] = key_line
            lines[(*path, key)] = key_line
            _refuse_alias(value_node, key_line, seen_nodes)
            _walk(value_node, (*path, key), offset, lines, value_lines, seen_nodes)


def _refuse_alias(node: yaml.Node, line: int, seen_nodes: set[int]) -> None:
    """An alias is a node met twice; refusing it also bounds alias-expansion bombs."""
    if id(node) in seen_nodes:
        raise YamlProblem(line, "YAML anchors and aliases (&name, *name) are not supported")
