"""site.yml's `tools` and `stack_builder` settings: the attributes tools may have, the groups of
the tools page, and the Stack Builder's questions and layers.

Every answer and layer selects tools by attributes, so each selector is checked here against
the declared attributes; whether any tool has a selected value is checked once the tools are
loaded (stack_builder.check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from glossary_site import yaml_lines
from glossary_site.diagnostics import (
    Diagnostics,
    clipped,
    did_you_mean,
    first_of_each,
    meant_by,
    suggesting,
)
from glossary_site.fences import fence_problems
from glossary_site.foreign_markdown import foreign_problems
from glossary_site.formulas import formula_problems
from glossary_site.front_matter import kind
from glossary_site.markdown_limits import limit_problem
from glossary_site.slugs import SLUG_RE

CONFIG_PATH = "content/site.yml"
TOOLS_KEYS = ("categories", "attributes")
BUILDER_KEYS = ("title", "intro", "questions", "layers")
QUESTION_KEYS = ("id", "question", "answers")
ANSWER_KEYS = ("id", "label", "prefer")
LAYER_KEYS = ("id", "title", "tools")

#: attribute → the values wanted; a tool matches when it has one of the values of each.
Selector = tuple[tuple[str, tuple[str, ...]], ...]
Attributes = dict[str, tuple[str, ...]]


def split_values(raw: Any) -> tuple[list[Any], int | None]:
    """An attribute's values (one, or a list): the items that are values (text or a number, not
    blank), and the number of the first that is none (`null`, a list), or None, so that one bad
    item is reported by its number and the others are still checked in the same run."""
    items = raw if isinstance(raw, list) else [raw]
    fits = [isinstance(item, str | int | float) and bool(str(item).strip()) for item in items]
    bad = next((number for number, fit in enumerate(fits, 1) if not fit), None)
    return [item for item, fit in zip(items, fits, strict=True) if fit], bad


def value_at(raw: Any, value: str) -> tuple[int, ...]:
    """Where in an attribute's `raw` values (one, or a list) `value` is first written, as a
    path below the attribute: () for one value, so that a list written one item a line has a
    problem with an item reported at that item's line."""
    if not isinstance(raw, list):
        return ()
    return next(((index,) for index, item in enumerate(raw) if str(item).strip() == value), ())


@dataclass(frozen=True)
class ToolSettings:
    #: Group name → description, in the order the tools page shows them.
    categories: dict[str, str] = field(default_factory=dict)
    #: Attribute → its allowed values.
    attributes: Attributes = field(default_factory=dict)
    #: Attribute → value → what a tool's page shows for it, for the attributes declared as a
    #: mapping (`pricing: {freemium: Free tier and paid plans}`); others show their values.
    labels: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    prefer: Selector
    #: The line of each selected attribute.
    lines: tuple[int, ...]
    #: The line of `prefer`, for an answer that no one tool fits.
    line: int
    #: The line of each value of each selected attribute, for "no tool has ..." problems.
    value_lines: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Layer:
    id: str
    title: str
    tools: Selector
    lines: tuple[int, ...]
    line: int
    value_lines: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class StackBuilderSettings:
    #: None when site.yml gives no `title`: the page then has the label `stack_builder_title`,
    #: which a translation can change as it does every other word the theme shows.
    title: str | None
    intro: str
    questions: tuple[Question, ...]
    layers: tuple[Layer, ...]
    #: The line of `stack_builder`, for a problem of the whole (no tools to recommend).
    line: int = 1


class _Reader:
    """Checks one part of site.yml, recording each problem at its line."""

    def __init__(self, located: yaml_lines.Located, diagnostics: Diagnostics) -> None:
        self.located = located
        self.diagnostics = diagnostics
        self.failed = False
        #: Where each key an unknown key seems meant for would be (`questin:` → its question's
        #: `question`): that key is not also reported missing, one mistake being one error.
        self.meant: set[tuple[str | int, ...]] = set()

    def error(self, where: tuple[str | int, ...], message: str) -> None:
        self.error_at(self.located.line(*where), message)

    def error_at(self, line: int, message: str) -> None:
        self.failed = True
        self.diagnostics.error(CONFIG_PATH, line, message)

    def mapping(self, value: Any, where: tuple[str | int, ...], keys: tuple[str, ...]) -> dict[str, Any]:
        name = ".".join(str(part) for part in where if isinstance(part, str))
        if not isinstance(value, dict):
            whole = f"each item of '{name}'" if isinstance(where[-1], int) else f"'{name}'"
            self.error(where, f"{whole} must be a mapping with the keys {', '.join(keys)}")
            return {}
        for key in value:
            if key not in keys:
                meant = meant_by(str(key), keys)
                self.error(
                    (*where, str(key)), f"unknown key '{clipped(str(key))}' in {name}{suggesting(meant)}"
                )
                if meant is not None:
                    self.meant.add((*where, meant))
        return value

    def misspelt(self, value: dict[str, Any], key: str, where: tuple[str | int, ...]) -> bool:
        """Whether `key` is missing from the mapping at `where` for an unknown key meant as it,
        reported already; a key present but empty is still a problem of its own."""
        return key not in value and (*where, key) in self.meant

    def text(self, value: dict[str, Any], key: str, where: tuple[str | int, ...]) -> str:
        found = value.get(key)
        if isinstance(found, int | float) and not isinstance(found, bool):
            found = str(found)
        if isinstance(found, list | dict):
            self.error((*where, key), f"'{key}' must be text, not {kind(found)}")
            return ""
        if not isinstance(found, str) or not found.strip():
            if not self.misspelt(value, key, where):
                self.error((*where, key) if key in value else where, f"'{key}' must be non-empty text")
            return ""
        return found.strip()

    def values(self, raw: Any, where: tuple[str | int, ...]) -> tuple[str, ...]:
        """The values, each checked by the caller (split_values)."""
        kept, bad = split_values(raw)
        if not kept:
            self.error(where, f"'{where[-1]}' needs a value or a list of values")
            return ()
        if bad is not None:
            self.error(where, f"item {bad} of '{where[-1]}' is no value; write one or remove it")
        return tuple(str(v).strip() for v in kept)

    def selector(
        self, raw: Any, where: tuple[str | int, ...], attributes: Attributes | None
    ) -> tuple[Selector, tuple[int, ...], tuple[tuple[int, ...], ...]]:
        """The attributes `raw` selects tools by, each checked against `attributes`, unless
        those could not be read (None): every use would then be reported as unknown. With the
        line of each attribute, and of each of its values."""
        if raw is None:
            return (), (), ()
        if not isinstance(raw, dict):
            shape = "must map attributes to a value or a list of values, like {pricing: free}"
            self.error(where, f"'{where[-1]}' {shape}")
            return (), (), ()
        pairs, lines, value_lines = [], [], []
        for name, wanted in raw.items():
            at = (*where, str(name))
            if attributes is not None and name not in attributes:
                known = did_you_mean(str(name), attributes) or (
                    f"; declared: {', '.join(attributes)}"
                    if attributes
                    else "; declare it in tools.attributes"
                )
                self.error(at, f"unknown tool attribute '{clipped(str(name))}'{known}")
                continue
            values = _distinct(self, self.values(wanted, at), at)
            known_values = attributes[name] if attributes is not None else values
            for value in values:
                if value not in known_values:
                    hint = did_you_mean(value, known_values) or f"; allowed: {', '.join(known_values)}"
                    message = f"'{value}' is not a value of the attribute '{name}'{hint}"
                    self.error((*at, *value_at(wanted, value)), message)
            pairs.append((str(name), values))
            lines.append(self.located.line(*at))
            value_lines.append(tuple(self.located.line(*at, *value_at(wanted, value)) for value in values))
        return tuple(pairs), tuple(lines), tuple(value_lines)

    def unique_ids(
        self, items: list[tuple[str, tuple[str | int, ...]]], what: str, why: str, within: str = ""
    ) -> None:
        """Each id again is an error at it naming the first's line, as a label given twice is
        a warning (_labelled_again); `why` says what the page keeps the ids for."""
        first: dict[str, int] = {}
        for item_id, where in items:
            if not item_id:  # a missing id is reported already
                continue
            if item_id in first:
                line = first[item_id]
                message = f"{what} id '{item_id}' is already used{within} (line {line}); rename one ({why})"
                self.error(where, message)
            else:
                first[item_id] = self.located.line(*where)


def parse_tools(value: Any, located: yaml_lines.Located, diagnostics: Diagnostics) -> ToolSettings | None:
    if value is None:
        return ToolSettings()
    reader = _Reader(located, diagnostics)
    data = reader.mapping(value, ("tools",), TOOLS_KEYS)
    categories: dict[str, str] = {}
    raw_categories = data.get("categories") or {}
    if not isinstance(raw_categories, dict):
        reader.error(("tools", "categories"), "'tools.categories' must map each group name to a description")
        raw_categories = {}
    for name, text in raw_categories.items():
        if text is None or (isinstance(text, str) and not text.strip()):
            reader.error(("tools", "categories", str(name)), f"the description of '{name}' must not be empty")
            continue
        if not isinstance(text, str) or "\n" in text.strip():
            message = f"the description of '{name}' must be one line of text"
            reader.error(("tools", "categories", str(name)), message)
            continue
        categories[str(name)] = text.strip()
    attributes: Attributes = {}
    labels: dict[str, dict[str, str]] = {}
    raw_attributes = data.get("attributes") or {}
    if not isinstance(raw_attributes, dict):
        reader.error(("tools", "attributes"), "'tools.attributes' must map each attribute to its values")
        raw_attributes = {}
    for name, values in raw_attributes.items():
        where = ("tools", "attributes", str(name))
        if not isinstance(name, str) or not SLUG_RE.match(name):
            reader.error(where, f"attribute name '{name}' must be lowercase letters, digits and hyphens")
            continue
        if isinstance(values, dict) and values:
            labels[name] = _labelled(reader, values, where)
            attributes[name] = tuple(labels[name])
        else:
            attributes[name] = _distinct(reader, reader.values(values, where), where)
    return None if reader.failed else ToolSettings(categories, attributes, labels)


def _labelled(reader: _Reader, raw: dict[Any, Any], where: tuple[str | int, ...]) -> dict[str, str]:
    """An attribute declared as a mapping: each value with the words its tools' pages show for
    it, as the value itself is a selector's word (`vector-store`), not always a reader's."""
    labels: dict[str, str] = {}
    for value, label in raw.items():
        at = (*where, str(value))
        if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
            reader.error(at, f"a value of '{where[-1]}' must be text or a number")
            continue
        if isinstance(label, int | float) and not isinstance(label, bool):
            label = str(label)
        if not isinstance(label, str) or not label.strip() or "\n" in label.strip():
            given = "" if label is None or isinstance(label, str) else f", not {kind(label)}"
            named = f"the label of the value '{clipped(str(value))}' of '{where[-1]}'"
            reader.error(at, f"{named} must be one line of text{given}")
            label = ""
        labels[str(value).strip()] = label.strip()
    return labels


def _distinct(reader: _Reader, values: tuple[str, ...], where: tuple[str | int, ...]) -> tuple[str, ...]:
    """Each declared value once; one declared again is a warning, as in a tool file."""
    lines = [reader.located.line(*where, index) for index in range(len(values))]
    attribute = where[-1]
    distinct, repeats = first_of_each(
        values, lines, lambda value: f"value '{clipped(value)}' of the attribute '{attribute}'"
    )
    for line, message in repeats:
        reader.diagnostics.warning(CONFIG_PATH, line, message)
    return distinct


def parse_stack_builder(
    value: Any, located: yaml_lines.Located, diagnostics: Diagnostics, tools: ToolSettings | None
) -> tuple[StackBuilderSettings | None, bool]:
    """The settings and whether they have errors. With errors, the settings hold what could be
    read, without the answers and layers that have errors of their own: the page is still
    planned (it exists once they are fixed, so links to it are not dead) and the rest is
    checked against the tools in the same run. `tools`: None when site.yml's `tools` has
    errors, so the answers and layers are not checked against the attributes it declares (one
    mistake there would make every use of them an error too)."""
    if value is None:
        return None, False
    reader = _Reader(located, diagnostics)
    declared = tools.attributes if tools is not None else None
    attributes = declared or None  # with none declared, one problem below instead of one per use
    top = ("stack_builder",)
    data = reader.mapping(value, top, BUILDER_KEYS)
    if not isinstance(value, dict):  # one mistake: not also each list missing from it
        return StackBuilderSettings(None, "", (), ()), True
    title = reader.text(data, "title", top) if "title" in data else None
    intro = data.get("intro") or ""
    if not isinstance(intro, str):
        reader.error((*top, "intro"), "'intro' must be Markdown text")
        intro = ""
    elif (too_much := limit_problem(intro)) is not None:
        first, breaks = located.value_line(*top, "intro"), located.breaks_of(*top, "intro")
        reader.error_at(first + yaml_lines.lines_down(intro, too_much[0], breaks), too_much[1])
    else:  # reported without failing the Stack Builder: only its intro comes out garbled
        first, breaks = located.value_line(*top, "intro"), located.breaks_of(*top, "intro")
        for line, message in fence_problems(intro, first, breaks):
            diagnostics.error(CONFIG_PATH, line, message)
        for line, message in formula_problems(intro, first, breaks):
            diagnostics.error(CONFIG_PATH, line, message)
        for line, message in foreign_problems(intro, first, breaks, wikilinks=False):
            diagnostics.warning(CONFIG_PATH, line, message)
    questions = [
        _question(reader, raw, (*top, "questions", i), attributes)
        for i, raw in enumerate(_list(reader, data, "questions", top))
    ]
    layers, sound_layers = [], []
    for i, raw in enumerate(_list(reader, data, "layers", top)):
        errors_before = len(diagnostics.errors)
        layers.append(_layer(reader, raw, (*top, "layers", i), attributes))
        if len(diagnostics.errors) == errors_before:
            sound_layers.append(layers[-1])
    selectors = [(a.prefer, a.lines) for q in questions for a in q.answers]
    selectors += [(layer.tools, layer.lines) for layer in layers]
    used = sorted(
        (line, name) for pairs, lines in selectors for (name, _), line in zip(pairs, lines, strict=True)
    )
    if declared == {} and used:
        reader.failed = True
        message = undeclared("the Stack Builder selects tools by", [name for _, name in used])
        diagnostics.error(CONFIG_PATH, used[0][0], message)
        # every value selected is undeclared: none is checked against the tools
        questions = [replace(q, answers=()) for q in questions]
        sound_layers = []
    reader.unique_ids(
        [(q.id, (*top, "questions", i)) for i, q in enumerate(questions)],
        "question",
        "the Stack Builder's address keeps each answer under its question's id",
    )
    reader.unique_ids(
        [(layer.id, (*top, "layers", i)) for i, layer in enumerate(layers)],
        "layer",
        "the Stack Builder tells the layers apart by their ids",
    )
    settings = StackBuilderSettings(
        title, intro.strip(), tuple(questions), tuple(sound_layers), located.line("stack_builder")
    )
    return settings, reader.failed


def undeclared(what: str, names: Iterable[str]) -> str:
    """The one problem for every use of tool attributes when site.yml declares none, the usual
    cause being a site.yml without its `tools` section: one fix, so one error, not one per use."""
    quoted = [f"'{clipped(name)}'" for name in dict.fromkeys(names)]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    plural = "s" if len(quoted) > 1 else ""
    return (
        f"{what} the attribute{plural} {listed}, but site.yml declares no tool attributes; "
        "list each with its values under tools.attributes in site.yml"
    )


def _list(reader: _Reader, data: dict[str, Any], key: str, where: tuple[str | int, ...]) -> list[Any]:
    found = data.get(key)
    if isinstance(found, list) and found:
        return found
    if key in data:
        reader.error((*where, key), f"'{key}' must be a non-empty list")
    elif not reader.misspelt(data, key, where):  # not there, or at the start of a line (config.NESTED)
        owner = "stack_builder" if len(where) == 1 else "this question"
        reader.error(where, f"{owner} has no '{key}'; add the list of {key}, indented under it")
    return []


def _item_id(reader: _Reader, item: dict[str, Any], where: tuple[str | int, ...]) -> str:
    item_id = reader.text(item, "id", where)
    if item_id and not SLUG_RE.match(item_id):
        reader.error((*where, "id"), f"id '{item_id}' must be lowercase letters, digits and single hyphens")
    return item_id


def _question(
    reader: _Reader, raw: Any, where: tuple[str | int, ...], attributes: Attributes | None
) -> Question:
    item = reader.mapping(raw, where, QUESTION_KEYS)
    if not isinstance(raw, dict):  # reported as not a mapping: its keys are not missing too
        return Question("", "", ())
    answers, sound = [], []
    labelled: dict[str, int] = {}
    errors_before = len(reader.diagnostics.errors)
    raw_answers = _list(reader, item, "answers", where)
    if len(raw_answers) == 1:
        _one_answer(reader, reader.located.line(*where))
    for i, answer_raw in enumerate(raw_answers):
        at = (*where, "answers", i)
        answer_errors = len(reader.diagnostics.errors)
        answer = reader.mapping(answer_raw, at, ANSWER_KEYS)
        line = reader.located.line(*at, "prefer")
        if not isinstance(answer_raw, dict):  # kept in place, so a clash of ids is at its own line
            answers.append(Answer("", "", (), (), line))
            sound.append(False)
            continue
        prefer, lines, value_lines = reader.selector(answer.get("prefer"), (*at, "prefer"), attributes)
        label = reader.text(answer, "label", at)
        _labelled_again(reader, label, reader.located.line(*at, "label"), labelled)
        answers.append(Answer(_item_id(reader, answer, at), label, prefer, lines, line, value_lines))
        sound.append(len(reader.diagnostics.errors) == answer_errors)
    reader.unique_ids(
        [(a.id, (*where, "answers", i)) for i, a in enumerate(answers)],
        "answer",
        "the Stack Builder's address keeps the answer by its id",
        " in this question",
    )
    if len(answers) > 1 and len(reader.diagnostics.errors) == errors_before:
        _same_preference(reader, answers, reader.located.line(*where))
    # an answer with errors of its own is left out, as what it selects may be what is wrong
    kept = tuple(a for a, fine in zip(answers, sound, strict=True) if fine)
    return Question(_item_id(reader, item, where), reader.text(item, "question", where), kept)


def _one_answer(reader: _Reader, line: int) -> None:
    """A question with one answer offers the reader no choice, and that answer changes no
    recommendation against another: a warning, as the page still works and the fix is the
    editor's to choose (a second answer, or no question)."""
    message = (
        "this question has only one answer, so readers have nothing to choose; "
        "add another answer, or remove the question"
    )
    reader.diagnostics.warning(CONFIG_PATH, line, message)


def _same_preference(reader: _Reader, answers: list[Answer], line: int) -> None:
    """Answers that all prefer the same tools (all `{}`, or all `{pricing: free}`) rank every
    candidate alike, so the reader's choice changes no recommendation: a warning, as with one
    answer. Only when the answers have no errors, as an attribute left out for its error
    could make answers that differ look alike."""
    preferences = {frozenset((name, frozenset(values)) for name, values in a.prefer) for a in answers}
    if len(preferences) == 1:
        message = (
            "every answer of this question has the same 'prefer', so whichever readers choose "
            "changes no recommendation; make the answers prefer different tools, or remove the question"
        )
        reader.diagnostics.warning(CONFIG_PATH, line, message)


def _labelled_again(reader: _Reader, label: str, line: int, labelled: dict[str, int]) -> None:
    """Two answers of a question with one label (case and spaces aside) are two radio buttons
    a reader cannot tell apart; a warning, as their `prefer` may differ and the fix is a word."""
    said = label.casefold()
    if not said:
        return
    if said in labelled:
        message = (
            f"answer label '{clipped(label)}' is already used in this question (line {labelled[said]}); "
            "readers cannot tell the two answers apart: reword one"
        )
        reader.diagnostics.warning(CONFIG_PATH, line, message)
    else:
        labelled[said] = line


def _layer(reader: _Reader, raw: Any, where: tuple[str | int, ...], attributes: Attributes | None) -> Layer:
    item = reader.mapping(raw, where, LAYER_KEYS)
    if not isinstance(raw, dict):
        return Layer("", "", (), (), reader.located.line(*where))
    misspelt = reader.misspelt(item, "tools", where)
    if item.get("tools") == {}:  # empty, it would make every tool a candidate
        reader.error(
            (*where, "tools"),
            "'tools' must not be empty: name the attributes its candidates have, like {layer: model}",
        )
    elif not item.get("tools") and not misspelt:
        reader.error(where, "a layer needs 'tools': the attributes its candidates have, like {layer: model}")
    selector, lines, value_lines = reader.selector(item.get("tools"), (*where, "tools"), attributes)
    line = reader.located.line(*where)
    title = reader.text(item, "title", where)
    return Layer(_item_id(reader, item, where), title, selector, lines, line, value_lines)
