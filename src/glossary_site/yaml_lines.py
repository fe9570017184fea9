"""Safe YAML loading that remembers the file line of every key and list item.

Messages must point at the offending line of the file, and PyYAML only exposes positions on
the node tree, so documents are composed first, walked for lines, then constructed safely.
Two composers live here, libyaml's own for usual front matter and an event-by-event one for
the rest, with the construction they share; they must agree exactly, so they stay together.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from glossary_site import yaml_hints
from glossary_site.diagnostics import ContentError, clipped, listed_names
from glossary_site.model import Breaks

#: Where a value sits in the document: the keys and list indexes leading to it.
KeyPath = tuple[str | int, ...]
MAX_DEPTH = 40
MAX_NUMBER_LENGTH = 1000


#: Plain scalars these resolvers would turn into values are kept as the text written.
_AS_WRITTEN = frozenset(
    {
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
    }
)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading through libyaml (several times faster), with dates, numbers and
    true/false left as text.

    PyYAML turns 2025-02-30 into a crash, not an error; the field's own check parses dates
    and reports a bad one at its line. No field takes a number, and YAML 1.1 reads a title
    `1:20` as 80, an alias `012` as 10 and a tag `3.10` as 3.1; it reads a table cell `Yes`,
    a question `no` or a language `no` as true or false: text is kept as written, and the
    few fields that take true or false read it from the text (front_matter.flag_value).
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_WRITTEN]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


SAFE_LOADER = _Loader


@dataclass(frozen=True)
class Located:
    """Loaded data plus the 1-based file line of each key/item and of each value's text."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    value_lines: dict[KeyPath, int] = field(default_factory=dict)
    #: Text values whose line breaks are not the file's (quoted, folded or plain text over
    #: several lines, or with "\n" escapes): where in the value each file line after the
    #: first begins (Breaks). Literal blocks and one-line values are not here: their "\n"
    #: are the file's.
    breaks: dict[KeyPath, Breaks] = field(default_factory=dict)
    #: (line, message) of each error that leaves the rest of the file to be checked: a key given
    #: again in its mapping (the first value is kept) and a character no page may hold (removed).
    errors: tuple[tuple[int, str], ...] = ()
    #: (path, line) of each unquoted text followed on its line by a ` #` comment, which YAML
    #: drops: "Probe Term #1" loads as "Probe Term".
    commented: tuple[tuple[KeyPath, int], ...] = ()
    #: Each value YAML reads as nothing, as written: '' (nothing after the key), '~', or a
    #: word such as 'Null', which an editor may have meant as text.
    nulls: dict[KeyPath, str] = field(default_factory=dict)
    #: Keys that are lines meant for a `|` or `>` text right above them, which YAML reads as
    #: keys as they are indented no further than its key (`Emulsion means: a stable…`): the
    #: path of the text's key, and what to say of the line (yaml_hints.outdented_block_line).
    strays: dict[KeyPath, tuple[KeyPath, str]] = field(default_factory=dict)

    def line(self, *path: str | int, default: int = 1) -> int:
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default

    def value_line(self, *path: str | int) -> int:
        return self.value_lines.get(path, self.line(*path))

    def broken_by_escape(self, *path: str | int) -> bool:
        """Whether the text at `path` holds a line break though it is written on one line: one
        that an escape in double quotes makes ("then \\new batch" holds "\\n")."""
        return self.breaks.get(path) == ()

    def breaks_of(self, *path: str | int) -> Breaks | None:
        """None when the value's own "\n" are the file's line breaks."""
        return self.breaks.get(path)

    def trimmed_start(self, *path: str | int) -> tuple[int, Breaks | None]:
        """The first file line and the breaks (as breaks_of) of the text at `path` once its
        surrounding spaces are trimmed, as fields keep it: a Markdown value written as a block
        that opens with an empty line starts a line below the value's first."""
        first, breaks = self.value_line(*path), self.breaks_of(*path)
        value = self.data
        for key in path:
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and isinstance(key, int) and key < len(value):
                value = value[key]
            else:
                value = None
        lead = len(value) - len(value.lstrip()) if isinstance(value, str) else 0
        if not lead:
            return first, breaks
        moved = None if breaks is None else tuple(at - lead for at in breaks if at > lead)
        return first + lines_down(value, lead, breaks), moved


def lines_down(value: str, offset: int, breaks: Breaks | None) -> int:
    """How many file lines below the value's first line the character at `offset` is."""
    return value.count("\n", 0, offset) if breaks is None else bisect.bisect_right(breaks, offset)


class YamlProblem(ContentError):
    """A content problem found while reading YAML, which knows the line but not the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__("", line, message)
        self.line = line


def load(text: str, first_line: int = 1, fast: bool = True) -> Located:
    """Parse one YAML document whose first line is `first_line` of the file.

    Anchors and aliases are refused: front matter never needs them, refusing aliases rules
    out alias-expansion bombs, and an anchor would silently drop the `&word` that starts a
    value. Duplicate keys are refused because the last one silently wins.
    Lines are counted from character positions, as YAML also breaks lines at U+2028 and
    friends, which no editor shows as a new line.

    `fast` lets usual front matter through libyaml's own composer, takes YAML's own line
    numbers where they are the file's, and builds text, lists and mappings directly. The
    result is the same as with `fast=False`, which reads every document event by event,
    counts every line from character positions and builds every value with PyYAML's
    constructor: the reference the tests compare the fast path with.
    """
    where = _Lines(text, first_line, fast)
    loader = SAFE_LOADER(text)
    try:
        node = _compose_plain(loader, text) if fast else _NOT_PLAIN
        if node is _NOT_PLAIN:  # read it again, event by event, to report where it goes wrong
            loader.dispose()
            loader = SAFE_LOADER(text)
            node = _compose(loader, where)
        if node is None:
            return Located(None)
        found = _Found()
        _walk(node, (), where, found)
        data = _construct(loader, node, where, fast)
    except yaml.MarkedYAMLError as exc:
        index, message = _explained(exc, text)
        raise YamlProblem(first_line if index is None else where.of(index), message) from None
    except yaml.reader.ReaderError as exc:
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"character U+{code:04X} is not allowed in YAML; remove it"
        raise YamlProblem(where.of(exc.position), message) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"invalid YAML: {_one_line(exc)}") from None
    finally:
        loader.dispose()
    return Located(
        data,
        found.lines,
        found.value_lines,
        found.breaks,
        tuple(found.errors),
        tuple(found.commented),
        found.nulls,
        found.strays,
    )


#: Nesting that libyaml's recursive composer handles with room to spare (it crashes at
#: about 30,000 levels); front matter has a few dozen indicators at most.
PLAIN_INDICATORS = 2_000
_NOT_PLAIN = yaml.ScalarNode("tag:glossary-site,2025:not-plain", "")
#: Where an anchor may be: `&` and a name, where a value or item starts. "Q&A" or "R & D"
#: cannot be one; a few texts such as "a &b" take the slower composer, to the same result.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)


def _compose_plain(loader: Any, text: str) -> yaml.Node | None:
    """libyaml's own composer, for the usual front matter: no anchors or aliases, nesting within bounds.

    Every collection opens with one of the indicators counted, so their count bounds the
    nesting. Anything unusual (anchors, aliases, deep nesting, errors, several documents)
    gets _NOT_PLAIN, and `_compose` reads it again to report the problem at its line; nodes
    do not keep their anchors, so a text that may hold one goes there too.
    """
    if sum(text.count(indicator) for indicator in "[{-?:") > PLAIN_INDICATORS:
        return _NOT_PLAIN
    if "&" in text and _MAYBE_ANCHOR.search(text):
        return _NOT_PLAIN
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.YAMLError:
        return _NOT_PLAIN
    if node is None:
        return None
    seen: set[int] = set()
    todo = [(node, 0)]
    while todo:
        current, depth = todo.pop()
        if id(current) in seen:  # an alias
            return _NOT_PLAIN
        seen.add(id(current))
        if isinstance(current, yaml.CollectionNode) and depth == MAX_DEPTH:
            return _NOT_PLAIN
        if isinstance(current, yaml.SequenceNode):
            todo += [(child, depth + 1) for child in current.value]
        elif isinstance(current, yaml.MappingNode):
            todo += [(child, depth + 1) for pair in current.value for child in pair]
    return node


def _compose(loader: Any, where: _Lines) -> yaml.Node | None:
    """Build the node tree from the event stream with an explicit stack.

    libyaml's own composer recurses in C, so a few thousand nested `[` or `- ` overflow the
    stack and kill the process; here nesting is refused as soon as it passes MAX_DEPTH.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    stack: list[yaml.CollectionNode] = []
    pending_keys: list[yaml.Node | None] = []
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(where.event(event), _refused("aliases (*name)", "*"))
        if getattr(event, "anchor", None) is not None:
            raise YamlProblem(where.event(event), _refused("anchors (&name)", "&"))
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) == MAX_DEPTH:
                raise YamlProblem(where.event(event), f"YAML is nested more than {MAX_DEPTH} levels deep")
            collection = _node(loader, event)
            assert isinstance(collection, yaml.CollectionNode)
            _attach(stack, pending_keys, collection)
            stack.append(collection)
            pending_keys.append(None)
            continue
        if isinstance(event, yaml.ScalarEvent):
            node = _node(loader, event)
            _attach(stack, pending_keys, node)
        else:  # the end of a collection, already attached to its parent
            node = stack.pop()
            node.end_mark = event.end_mark
            pending_keys.pop()
        if not stack:
            break
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        raise YamlProblem(where.event(loader.get_event()), yaml_hints.second_document())
    return node


_NODE_KINDS: dict[type[yaml.Event], type[Any]] = {
    yaml.ScalarEvent: yaml.ScalarNode,
    yaml.SequenceStartEvent: yaml.SequenceNode,
    yaml.MappingStartEvent: yaml.MappingNode,
}


def _node(loader: Any, event: Any) -> yaml.Node:
    """A node for a scalar or collection-start event, tagged the way PyYAML's composer does."""
    kind = _NODE_KINDS[type(event)]
    value = event.value if kind is yaml.ScalarNode else None
    tag = event.tag if event.tag not in (None, "!") else loader.resolve(kind, value, event.implicit)
    if kind is yaml.ScalarNode:
        return yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)
    collection: yaml.CollectionNode = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
    return collection


def _attach(stack: list[yaml.CollectionNode], pending_keys: list[yaml.Node | None], node: yaml.Node) -> None:
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, yaml.SequenceNode):
        parent.value.append(node)
    elif pending_keys[-1] is None:
        pending_keys[-1] = node
    else:
        parent.value.append((pending_keys[-1], node))
        pending_keys[-1] = None


def _refused(what: str, character: str) -> str:
    return (
        f"YAML {what} are not supported; to start a value with '{character}', put the whole value in quotes"
    )


class _Lines:
    def __init__(self, text: str, first_line: int, fast: bool = True) -> None:
        self.text, self.first_line = text, first_line
        #: Only a text with a comment after something on its line pays for looking for one.
        self.comments = " #" in text or "\t#" in text
        #: Where "\n" is the only line break, YAML's own line count is ours, except that at
        #: the very end libyaml counts one more line if the text does not end with "\n".
        self.yaml_counts = fast and not any(brk in text for brk in "\r\x85\u2028\u2029")
        self.last_line = first_line + text.count("\n")
        self._lines: list[str] | None = None

    def of(self, index: int) -> int:
        return self.first_line + self.text.count("\n", 0, index)

    def node(self, node: yaml.Node) -> int:
        if self.yaml_counts:
            return min(self.first_line + int(node.start_mark.line), self.last_line)
        return self.of(node.start_mark.index)

    def event(self, event: Any) -> int:
        return self.of(event.start_mark.index)

    def end(self, node: yaml.Node) -> int:
        """The last line with some of the node: a block's end is at the start of the next line."""
        mark = node.end_mark
        if self.yaml_counts:
            line = min(self.first_line + int(mark.line), self.last_line)
        else:
            line = self.of(mark.index)
        return line - 1 if mark.column == 0 and line > self.node(node) else line

    def lines(self, first: int, last: int) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines[first - self.first_line : last - self.first_line + 1]


def _construct(loader: Any, node: yaml.Node, where: _Lines, fast: bool) -> Any:
    """Build values key by key, so a value PyYAML cannot build is reported at its own line."""
    build = _value if fast else _build_value
    if not isinstance(node, yaml.MappingNode):
        return _build_value(loader, node, where, where.node(node))
    return {
        build(loader, key, where, where.node(key)): build(loader, value, where, where.node(key))
        for key, value in node.value
    }


STR, SEQ, MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
NULL = "tag:yaml.org,2002:null"
#: Mapping keys that PyYAML's constructor treats specially (`<<` merges, `=` is retagged).
SPECIAL_KEYS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


def _value(loader: Any, node: yaml.Node, where: _Lines, line: int) -> Any:
    """What PyYAML builds for a node, with text, lists and plain mappings built here.

    They are nearly every node of front matter, and PyYAML's constructor spends more on its
    bookkeeping per node than on building them; numbers, booleans, merge keys and explicit
    tags of other kinds still go through it. Keys are scalars by now (`_walk` checks).
    """
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode and tag == STR:
        return node.value
    if kind is yaml.SequenceNode and tag == SEQ:
        return [_value(loader, item, where, line) for item in node.value]
    if kind is yaml.MappingNode and tag == MAP and not any(k.tag in SPECIAL_KEYS for k, _ in node.value):
        return {_value(loader, k, where, line): _value(loader, v, where, line) for k, v in node.value}
    return _build_value(loader, node, where, line)


def _build_value(loader: Any, node: yaml.Node, where: _Lines, line: int) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except Exception as exc:  # PyYAML lets KeyError, ValueError... out for odd scalars
        culprit = next((scalar for scalar in _scalars(node) if not _builds(loader, scalar)), None)
        if culprit is None:
            raise YamlProblem(line, f"invalid YAML value: {_one_line(exc)}") from None
        tag = culprit.tag.replace("tag:yaml.org,2002:", "!!")
        text = _one_line(culprit.value)
        message = f"'{clipped(text)}' is not a valid {tag}; remove the tag to keep it as text"
        raise YamlProblem(where.node(culprit), message) from None


def _scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _scalars(child)
    elif isinstance(node, yaml.MappingNode):
        for pair in node.value:
            for child in pair:
                yield from _scalars(child)


def _builds(loader: Any, node: yaml.ScalarNode) -> bool:
    try:
        loader.construct_object(node)
    except Exception:
        return False
    return True


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


@dataclass
class _Found:
    """What walking the nodes gathers for Located (see its fields)."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    value_lines: dict[KeyPath, int] = field(default_factory=dict)
    breaks: dict[KeyPath, Breaks] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)
    commented: list[tuple[KeyPath, int]] = field(default_factory=list)
    nulls: dict[KeyPath, str] = field(default_factory=dict)
    strays: dict[KeyPath, tuple[KeyPath, str]] = field(default_factory=dict)


def _walk(node: yaml.Node, path: KeyPath, where: _Lines, found: _Found) -> None:
    line = where.node(node)
    if isinstance(node, yaml.ScalarNode):
        _refuse_long_number(node, line)
        if node.tag == NULL:
            found.nulls[path] = node.value
        _remove_unprintable(node, line, where, found)
        if where.comments and not node.style and (node.value or node.tag == NULL):
            end = node.end_mark.index
            after = (
                _COMMENT_AFTER.match(where.text, end) if where.text[end : end + 1] in (" ", "\t") else None
            )
            # nothing before it, a comment is the value only as Obsidian's tags are: `tags: #nlp`
            if after is not None and (node.value or where.text[after.end() : after.end() + 1] not in " \t\n"):
                found.commented.append((path, where.of(end)))
        found.value_lines[path] = first = line + (1 if node.style in ("|", ">") else 0)
        # most values are on one line: only one that YAML says spans more is looked into
        if node.style != "|" and ("\n" in node.value or node.end_mark.line > node.start_mark.line):
            found.breaks[path] = _breaks(node.value, where.lines(first + 1, where.end(node)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            at = (*path, index)
            found.lines[at] = where.node(item)
            _refuse_item_run_on(item, where)
            _walk(item, at, where, found)
    elif isinstance(node, yaml.MappingNode):
        first_seen: dict[str, int] = {}
        pairs = node.value
        node.value = []
        _find_strays(pairs, path, where, found)
        for key_node, value_node in pairs:
            key_line = where.node(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                misread = _misread(where.text, key_node.start_mark.index)  # `title: {{ name }}`
                if misread is not None:
                    raise YamlProblem(where.of(misread[0]), misread[1])
                raise YamlProblem(key_line, "a YAML key must be plain text, not a list or mapping")
            _refuse_long_number(key_node, key_line)
            hidden = yaml_hints.key_after_hidden_break(where.text, key_node.start_mark.index, key_node.value)
            if hidden is not None:
                raise YamlProblem(where.of(hidden[0]), hidden[1])
            if key_node.tag == NULL:  # `null:` or `~:` is a key its editor sees as text
                key_node.tag = STR
            key = str(key_node.value)
            if key in first_seen:
                found.errors.append(
                    (key_line, f"duplicate key '{clipped(key)}' (first given on line {first_seen[key]})")
                )
                continue
            first_seen[key] = key_line
            node.value.append((key_node, value_node))
            at = (*path, key)
            found.lines[at] = key_line
            _walk(value_node, at, where, found)


def _find_strays(
    pairs: list[tuple[yaml.Node, yaml.Node]], path: KeyPath, where: _Lines, found: _Found
) -> None:
    """The keys of a mapping that are lines meant for the `|` or `>` text of a key above them
    (Located.strays): right under the text (or under such a line) and not written as a field
    is, or after it and going on over the lines below, as the rest of a text does. A field
    written right after a text (`aliases:`, `weight: 10`) is the next key it looks like."""
    block: tuple[KeyPath, int] | None = None  # the text's key and where its `|` or `>` is
    end = 0  # where the text, or the last line taken for a line of it, ends
    for key_node, value_node in pairs:
        if not isinstance(key_node, yaml.ScalarNode):
            block = None
        elif block is not None and _goes_on_text(key_node, value_node, end, where):
            start = where.text.rfind("\n", 0, key_node.start_mark.index) + 1
            said = yaml_hints.outdented_block_line(where.text, block[1], start)
            found.strays[(*path, key_node.value)] = (block[0], said)
            end = value_node.end_mark.index
        elif isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">"):
            block = ((*path, key_node.value), value_node.start_mark.index)
            end = value_node.end_mark.index
        else:
            block = None


def _goes_on_text(key_node: yaml.ScalarNode, value_node: yaml.Node, end: int, where: _Lines) -> bool:
    """Whether a key is a line meant for the text that ends at `end` (_find_strays)."""
    start = key_node.start_mark.index
    line = where.text.rfind("\n", 0, start) + 1
    if key_node.style or where.text[end:start].strip() or where.text[line:start].strip(" "):
        return False  # not right after the text, or `? key`, or a key after a `- `
    goes_on = (
        isinstance(value_node, yaml.ScalarNode)
        and not value_node.style
        and value_node.end_mark.line > key_node.start_mark.line
    )
    field_like = yaml_hints.FIELD_LIKE.fullmatch(key_node.value)
    return goes_on or (yaml_hints.right_under(where.text, line) and not field_like)


#: The start of a source line that a value holds as written: up to an escape or a quote.
_LINE_START = re.compile(r"[^\\'\"]{1,24}")


def _breaks(value: str, below: list[str]) -> Breaks:
    """Where each of the lines `below` the value's first begins in the value, found by the
    text they start with (folding turned their line breaks into spaces). The search runs from
    the last line up, each before the one below it: a short line's text ("and") is more often
    found again in the line above than in its own line."""
    offsets: list[int] = []
    end, after = len(value), len(value) + 1
    for line in reversed(below):
        start = _LINE_START.match(line.strip())
        at = value.rfind(start.group(), 0, end) if start else -1
        if at >= 0:
            end = after = at
        offsets.append(after)
    return tuple(reversed(offsets))


_COMMENT_AFTER = re.compile(r"[ \t]+#")
#: Unicode's noncharacters, for a regular expression's character class: U+FDD0 to U+FDEF and the
#: last two code points of each plane. No web page may hold one.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
#: What the reader lets through but no web page may hold: the noncharacters (but U+FFFE and
#: U+FFFF, which it refuses) and NEL, which "\N" writes.
_NOT_IN_A_PAGE = re.compile(f"[\x85{NONCHARACTERS}]")
#: The closing bracket PyYAML says it expected, and what to say of the one it would have closed.
_UNCLOSED = {
    f"'{end}'": (
        f"invalid YAML: the '{start}' {what} that starts on this line is never closed; end it with "
        f"'{end}', or put the whole value in quotes if the '{start}' is part of the text"
    )
    for start, end, what in (("[", "]", "list"), ("{", "}", "mapping"))
}
_CLOSING = {"[": "']'", "{": "'}'"}
#: Where a line's value starts: after its indentation, any `- ` and any `key: `.
_VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[^\s'\"\[{#-][^\n]*?:[ \t]+)?")
#: What YAML reads as something else at the start of a value an editor means as text:
#: Markdown (`**bold**`, `[[wiki-link]]`), template syntax, and text after `|` or `>`.
_MISREAD = re.compile(r"\[\[|\{\{|\{%|[*&!@`%]|(?P<block>[|>])[-+0-9]*[ \t]*[^\s#]")


def _explained(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """Where a YAML error is, and what to do about it: PyYAML names the mistake in its own
    terms ("mapping values are not allowed in this context") and reports an unclosed
    bracket or quote where the file ends, not where it was opened."""
    problem = _one_line(exc.problem or exc.context)
    mark = exc.problem_mark or exc.context_mark
    index = mark.index if mark else None
    opened = exc.context_mark.index if exc.context_mark else None
    # the break may be on the line YAML names or on the one its mistake began on, as when the
    # rest of a value, taken for the next line, has no ':'
    hidden = next(
        filter(None, (yaml_hints.hidden_break(text, at) for at in (index, opened) if at is not None)), None
    )
    if hidden is not None:
        return hidden
    stray = yaml_hints.stray_block_line(text, (opened, index))
    if stray is not None:
        return stray
    closing = next((end for end in _UNCLOSED if problem.endswith(f"or {end}")), None)
    if closing is not None and opened is not None:
        item = None if index is None else yaml_hints.flow_item(text, index, opened)
        return item or (opened, _UNCLOSED[closing])
    if problem.startswith("did not find expected node content") and index is not None:
        # `title: [` on the last line: PyYAML names the end, not the '[' it never saw closed.
        opener = _never_closed(text, index)
        if opener is not None:
            return opener, _UNCLOSED[_CLOSING[text[opener]]]
    if problem.startswith("could not find expected ':'") and opened is not None:
        squeezed = _squeezed_key(text, opened)
        if squeezed is not None:
            return opened, squeezed
        # PyYAML marks the line after; the key (or the text meant to go on a value) starts here.
        return opened, (
            "invalid YAML: this line has no ':' after its key; write 'key: value', "
            "or indent the line if it goes on from the value above"
        )
    if problem.startswith(_QUOTE_LEFT_OPEN) and "quoted" in (exc.context or "") and opened is not None:
        return opened, yaml_hints.unclosed_quote(opened, text)
    hint = None if index is None else _hinted(text, index, problem)
    if hint is not None:
        return hint
    if index is not None and text[index : index + 1] == "\t":
        if problem.startswith(("found character that cannot start any token", "found a tab character")):
            return index, TAB
    elif index is not None and not _registered_tag(problem):
        misread = _misread(text, index)
        if misread is not None:
            return misread
    if index is not None and problem.startswith(_CLOSED_TOO_EARLY):
        left_open = yaml_hints.quote_closed_by_next_value(text, index)
        if left_open is not None:
            return left_open
        closed = _closed_before(text, index)
        if closed is not None:
            return index, closed
        if not text[text.rfind("\n", 0, index) + 1 : index].strip(" "):
            return index, _MISALIGNED
    if problem.startswith("mapping values are not allowed") and index is not None:
        # `title:A` then `summary: S.`: YAML reads both lines as one text until the ': '.
        start = text.rfind("\n", 0, index) + 1
        above = text.rfind("\n", 0, max(start - 1, 0)) + 1
        squeezed = _squeezed_key(text, above, _key_column(text, start)) if start else None
        if squeezed is not None:
            return above, squeezed
        colon = yaml_hints.colon_in_value(text, index)
        if colon is not None:
            return colon
        too_far = yaml_hints.key_indented_too_far(text, index)
        if too_far is not None:
            return too_far
    if problem.startswith("mapping values are not allowed"):
        return index, "invalid YAML: a value holds ': ' (put it in quotes) or a line is indented too far"
    if problem.startswith("found character that cannot start any token") and index is not None:
        return (
            index,
            f"invalid YAML: a value cannot start with '{text[index]}'; put the whole value in quotes",
        )
    if "tag:yaml.org,2002:merge" in problem:
        return index, "merge keys (<<) are not supported; write the keys out"
    return index, f"invalid YAML: {problem}"


#: Said at each line whose indentation YAML refuses for a tab (tab_lines).
TAB = "invalid YAML: a tab; indent with spaces"
#: The tab widths a tab refused is read as, to go on to the lines below it (tab_lines).
_TAB_SIZES = (8, 4, 2)
#: Each line found reads the text again: a bound on that work for a file of thousands of
#: tab-indented lines, far more than an editor fixes before running again.
MAX_TAB_LINES = 100


def tab_lines(text: str, first_line: int = 1) -> tuple[int, ...]:
    """Each line where YAML refuses a tab in the indentation (TAB), in one run: YAML stops at
    the first, so each is read again with the tabs refused above it as spaces. A tab YAML takes
    (in a quoted or `|` text past its indentation, in brackets, between a key and its value)
    is not refused, so not reported. A tab's width decides where a line refused goes, and so
    whether a line below is in a text or not: of the widths tried, the first that lets YAML
    read to the end is taken, or else the one that finds the most lines. Empty when YAML's
    first problem is not a tab. At most MAX_TAB_LINES, the first ones."""
    best: list[int] = []
    for size in _TAB_SIZES:
        found, read = _tabs_as_spaces(text, size)
        if read or len(found) > len(best):
            best = found
        if read or not found or len(found) == MAX_TAB_LINES:
            break
    return tuple(dict.fromkeys(first_line + line for line in best))


def _tabs_as_spaces(text: str, size: int) -> tuple[list[int], bool]:
    """The lines (from 0) where YAML refuses a tab, each run of blanks with one made spaces
    (tab stops every `size` columns) before reading on; and whether YAML then read the text to
    its end. Spaces for tabs leave every line where it was."""
    found: list[int] = []
    while len(found) < MAX_TAB_LINES:
        problem = _first_problem(text)
        if problem is None or problem[1] != TAB or problem[0] < 0:
            return found, problem is None
        index = problem[0]
        found.append(text.count("\n", 0, index))
        line_start = text.rfind("\n", 0, index) + 1
        start, end = index, index
        while start > line_start and text[start - 1] in " \t":
            start -= 1
        while end < len(text) and text[end] in " \t":
            end += 1
        column = start - line_start
        spaces = (" " * column + text[start:end]).expandtabs(size)[column:]
        text = text[:start] + spaces + text[end:]
    return found, False


def _first_problem(text: str) -> tuple[int, str] | None:
    """Where YAML's reading of the text first fails and what to say of it, or None."""
    loader = SAFE_LOADER(text)
    try:
        while loader.check_event():
            loader.get_event()
    except yaml.MarkedYAMLError as exc:
        index, message = _explained(exc, text)
        return (-1 if index is None else index), message
    except yaml.YAMLError:
        return -1, ""
    finally:
        loader.dispose()
    return None


#: What libyaml and PyYAML say of a quoted value still open where the text or document ends.
_QUOTE_LEFT_OPEN = ("found unexpected end of stream", "found unexpected document")


def _hinted(text: str, index: int, problem: str) -> tuple[int, str] | None:
    """The hints that know their mistake by PyYAML's words and the character it stopped at."""
    for hint in (
        yaml_hints.escape,
        yaml_hints.node_expected,
        yaml_hints.item_on_key_line,
        yaml_hints.complex_key,
        yaml_hints.document_end,
    ):
        found = hint(text, index, problem)
        if found is not None:
            return found
    return None


#: What libyaml (and PyYAML) say when a value goes on after a flow list, mapping or quote.
_CLOSED_TOO_EARLY = ("did not find expected", "expected <block end>")
#: PyYAML's words for a line whose indentation fits no key or item above it ("did not find
#: expected key"), which an editor reads as nothing wrong with the line's text.
_MISALIGNED = (
    "invalid YAML: this line is indented differently from the lines above it; give it as many "
    "spaces as the other keys (or '- ' items) of its list or mapping"
)
#: What a closing character closed, and what the value must then be.
_CLOSERS = {
    "]": "the closing ']' (a value that starts with '[' is a list); put the whole value in quotes",
    "}": "the closing '}' (a value that starts with '{' is a mapping); put the whole value in quotes",
    '"': "the closing quote (a quoted value ends there); put the whole value in single quotes",
    "'": "the closing quote (a quoted value ends there); put the whole value in double quotes",
}


def _closed_before(text: str, index: int) -> str | None:
    """The hint for text after a value's closing `]`, `}` or quote on its line: `title: [Draft]
    Intro` or `summary: "GPT" models`, where the editor meant the whole line as text."""
    before = text[text.rfind("\n", 0, index) + 1 : index].rstrip(" \t")
    what = _CLOSERS.get(before[-1:])
    return None if what is None else f"invalid YAML: text after {what}"


def _never_closed(text: str, index: int) -> int | None:
    """Where the innermost '[' or '{' open at `index` starts, if nothing after it closes it.
    A bracket closed later is no answer: the error is then inside the list (`[a, - b]`)."""
    opened: list[int] = []
    loader: Any = yaml.SafeLoader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                opened.append(token.start_mark.index)
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken) and opened:
                opened.pop()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    before = [start for start in opened if start < index]
    return before[-1] if before else None


#: A line that starts like `key:value`, the space after the colon left out; YAML reads it as text.
_SQUEEZED = re.compile(r"(?P<indent>[ \t]*(?:-[ \t]+)*)(?P<key>[^\W\d][\w-]*):(?P<value>[^\s:][^\n]*)")


_KEY_INDENT = re.compile(r"[ \t]*(?:-[ \t]+)*")


def _key_column(text: str, start: int) -> int:
    found = _KEY_INDENT.match(text, start)
    return len(found.group()) if found else 0


def squeezed_key(line: str) -> str | None:
    """The message for `title:A`, a key with no space after its colon, or None: alone in the
    front matter, it is read as one text, no error of YAML's."""
    return _squeezed_key(line, 0)


def _squeezed_key(text: str, start: int, column: int | None = None) -> str | None:
    """The message for a key with no space after its colon on the line at `start`, or None;
    with `column`, only for a key there (the line below's, so a line inside a block of text
    above, `  Ratio:1`, is not taken for one)."""
    found = _SQUEEZED.match(text, start)
    if found is None or (column is not None and len(found.group("indent")) != column):
        return None
    key, value = found.group("key"), found.group("value").rstrip()
    return f"invalid YAML: a key needs a space after its colon; write '{clipped(f'{key}: {value}')}'"


def _registered_tag(problem: str) -> bool:
    """A tag such as `!!python/object` is not a value written by mistake."""
    return "tag 'tag:" in problem


def _misread(text: str, index: int) -> tuple[int, str] | None:
    """The hint for an error on a line whose value starts with what YAML reads as syntax."""
    start = _VALUE_START.match(text, text.rfind("\n", 0, index) + 1)
    found = _MISREAD.match(text, start.end()) if start else None
    if found is None:
        return None
    if found.group("block"):
        return found.start(), (
            f"invalid YAML: a value cannot start with '{found.group('block')}' followed by text on "
            "the same line; put the whole value in quotes, or start the text on the next line"
        )
    names = _LIST_OF_NAMES.match(text, text.rfind("\n", 0, index) + 1)
    if found.group() == "[[" and names is not None:
        return found.start(), _wiki_linked_names(names.group("key"), text, found.start())
    return (
        found.start(),
        f"invalid YAML: a value cannot start with '{found.group()}'; put the whole value in quotes",
    )


#: A field that lists names, on its line with a value that starts as a wiki-link (`[[Stock]], fond`).
_LIST_OF_NAMES = re.compile(r"(?P<key>related|aliases|tags):[ \t]+\[\[")


def _wiki_linked_names(key: str, text: str, start: int) -> str:
    """`related: [[Stock]], fond`: quoting it, as said of other values, makes one name of it all,
    brackets and comma included; the editor meant a list of names."""
    value = text[start : _line_end(text, start)]
    value = value.split(" #", 1)[0]
    names = ", ".join(name for name in listed_names(value) if name)
    return (
        f"invalid YAML: '[[' starts a list in a list to YAML, not a wiki-link; write the names alone, "
        f"as a list: {clipped(f'{key}: [{names}]', 120)}"
    )


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


#: A line of a plain value that starts as a list item would: YAML folds it into the text above.
_ITEM_LINE = re.compile(r"\n[ \t]*-[ \t]")


def _refuse_item_run_on(item: yaml.Node, where: _Lines) -> None:
    """`- term` then `  - glossary`: an item indented further than the one above it is no item
    to YAML but more of that one's text, so the list silently gets 'term - glossary'."""
    if not isinstance(item, yaml.ScalarNode) or item.style or item.end_mark.line == item.start_mark.line:
        return
    found = _ITEM_LINE.search(where.text, item.start_mark.index, item.end_mark.index)
    if found is None:
        return
    message = (
        "invalid YAML: this '- ' item is indented further than the item above it, so YAML reads it "
        f"as more of that item's text ('{clipped(_one_line(item.value))}'); start its '-' in the "
        "same column as the '-' above"
    )
    raise YamlProblem(where.of(found.start() + 1), message)


def printable(text: str) -> bool:
    """Whether `text` may go into a page as it is. Every character no page may hold is one
    `isprintable` refuses, and its C loop takes a twentieth of a search's time, so a text it
    passes (line breaks and tabs aside) needs no search for them (7 % of a cold build's CPU)."""
    return text.replace("\n", "").replace("\t", "").isprintable()


def _remove_unprintable(node: yaml.ScalarNode, line: int, where: _Lines, found: _Found) -> None:
    """YAML refuses these characters in the file but lets a quoted escape ("\\0") make them;
    a NUL or an escape sequence in a title would end up in every page that shows it. The reader
    lets the noncharacters through, and "\\N" makes a NEL: no web page may hold either. They are
    reported and removed, so the rest of the file is still checked."""
    if printable(node.value):
        return
    escaped = yaml.reader.Reader.NON_PRINTABLE.search(node.value) if node.style == '"' else None
    if escaped is not None:  # only escapes make what the reader refuses in the text
        message = f"character U+{ord(escaped.group()):04X} (written as an escape) is not allowed; remove it"
        found.errors.append((line, message))
        node.value = yaml.reader.Reader.NON_PRINTABLE.sub("", node.value)
    unpaged = _NOT_IN_A_PAGE.search(node.value)
    if unpaged is not None:  # at its own line of a block, unless an escape wrote it
        at = where.text.find(unpaged.group(), node.start_mark.index, node.end_mark.index)
        message = f"character U+{ord(unpaged.group()):04X} is not allowed in a web page; remove it"
        found.errors.append((line if at < 0 else where.of(at), message))
        node.value = _NOT_IN_A_PAGE.sub("", node.value)


def _refuse_long_number(node: yaml.ScalarNode, line: int) -> None:
    """Python refuses to print an int of more than 4,300 digits; no glossary needs one. A
    float too large to hold is infinite, which a page would show as 'inf'."""
    if node.tag.endswith(":int") and len(node.value) > MAX_NUMBER_LENGTH:
        raise YamlProblem(line, f"a number of {len(node.value)} characters is too long")
    if node.tag.endswith(":float") and not _finite(node.value):
        message = (
            f"'{clipped(node.value)}' is no number a page can show as a !!float (infinite or not a "
            "number); remove the tag to keep it as text"
        )
        raise YamlProblem(line, message)


def _finite(written: str) -> bool:
    """As PyYAML reads a float: '_' ignored, `.inf` and `.nan` in any case, `1:30` in base 60."""
    value = written.replace("_", "").lower()
    if value.lstrip("+-") in (".inf", ".nan"):
        return False
    if ":" in value:
        return True  # sexagesimal: a few digits a part
    try:
        return math.isfinite(float(value))
    except ValueError:
        return True  # not a float at all: the constructor reports it
