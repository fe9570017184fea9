"""The Stack Builder: which tools each layer offers, whether every answer can select a tool,
and what its page receives.

The page recommends in the reader's browser (assets/stack-builder.js) from data written into
the page, so the site stays static; the rule is described in docs/content-format.md and the
same rule picks `recommend` here, which the tests compare with what the page shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from glossary_site.diagnostics import Diagnostics
from glossary_site.labels import say
from glossary_site.model import Toolbox, ToolSource
from glossary_site.structured import script_json
from glossary_site.tool_settings import CONFIG_PATH, Answer, Layer, Selector, StackBuilderSettings
from glossary_site.urls import tool_path
from glossary_site.views import LinkView

ROOT = "../"


def matches(tool: ToolSource, selector: Selector) -> bool:
    """A tool matches when, for each attribute selected, it has one of the values wanted."""
    have = dict(tool.attributes)
    return all(any(value in have.get(name, ()) for value in wanted) for name, wanted in selector)


def candidates(layer: Layer, toolbox: Toolbox) -> list[ToolSource]:
    return [tool for tool in toolbox.tools.values() if matches(tool, layer.tools)]


def check(
    settings: StackBuilderSettings,
    toolbox: Toolbox,
    diagnostics: Diagnostics,
    drafts: Sequence[ToolSource] = (),
) -> None:
    """Every value an answer or a layer selects must be held by some tool, every answer must fit
    some tool and every layer needs a candidate: otherwise an answer could change nothing, or the
    page could recommend nothing. While a tool file cannot be read, none of this is checked:
    that file may hold them, and its own error is the problem. `drafts`, the tools left out of
    this build, are named when one of them would do, as the editor sees the value in its file."""
    if toolbox.unreadable:
        return
    published = list(toolbox.tools.values())
    selectors = [(answer.prefer, answer.value_lines) for q in settings.questions for answer in q.answers]
    selectors += [(layer.tools, layer.value_lines) for layer in settings.layers]
    if not published and selectors:  # one cause, one error: not "no tool has ..." at every value
        diagnostics.error(CONFIG_PATH, settings.line, _no_tools(drafts))
        return
    held = _held(published)
    for selector, lines in selectors:
        for (name, wanted), at in zip(selector, lines, strict=True):
            for value, line in zip(wanted, at, strict=True):
                if (name, value) not in held:
                    draft = _draft_with(drafts, ((name, (value,)),))
                    advice = _first_publishing(draft, "add it to a tool or remove it here")
                    diagnostics.error(CONFIG_PATH, line, f"no tool has {name} '{value}'{draft}; {advice}")
    for layer in settings.layers:
        every_value_held = all((name, v) in held for name, values in layer.tools for v in values)
        if every_value_held and not candidates(layer, toolbox):
            draft = _draft_with(drafts, layer.tools)
            message = f"no tool matches every attribute of layer '{layer.id}'{draft}"
            if draft:
                message += "; publish it (draft: false) or give another tool those values"
            diagnostics.error(CONFIG_PATH, layer.line, message)
    for answer in (answer for q in settings.questions for answer in q.answers):
        every_value_held = all((name, v) in held for name, values in answer.prefer for v in values)
        if answer.prefer and every_value_held and not any(matches(tool, answer.prefer) for tool in published):
            draft = _draft_with(drafts, answer.prefer)
            advice = "give one tool all of them or prefer fewer here"
            message = (
                f"no tool has {_together(answer.prefer)} together{draft}, so answer '{answer.id}' "
                f"fits none; {_first_publishing(draft, advice)}"
            )
            diagnostics.error(CONFIG_PATH, answer.line, message)


def _no_tools(drafts: Sequence[ToolSource]) -> str:
    if drafts:
        return (
            "stack_builder needs tools to recommend, and every tool file in content/tools/ is a "
            "draft, and drafts are left out; publish one (draft: false) or remove stack_builder"
        )
    return (
        "stack_builder needs tools to recommend, and content/tools/ has no tool files; add a file "
        "per tool there, with the attributes the answers and layers select, or remove stack_builder"
    )


def _held(tools: Iterable[ToolSource]) -> set[tuple[str, str]]:
    return {(name, value) for tool in tools for name, values in tool.attributes for value in values}


def _draft_with(drafts: Sequence[ToolSource], selector: Selector) -> str:
    """`but the draft content/tools/x.md, which is left out`: the file an editor would look in
    first, having given it the value, or nothing when no draft matches."""
    found = next((tool for tool in drafts if matches(tool, selector)), None)
    return "" if found is None else f" but the draft {found.path}, which is left out"


def _first_publishing(draft: str, advice: str) -> str:
    return f"publish it (draft: false), {advice}" if draft else advice


def _together(selector: Selector) -> str:
    """`pricing 'free' or 'freemium' and hosting 'cloud'`, as an editor would say it."""
    parts = [f"{name} " + " or ".join(f"'{value}'" for value in values) for name, values in selector]
    return " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1]]))


@dataclass(frozen=True)
class Pick:
    tool: ToolSource
    #: The labels of the chosen answers it fits, in question order; `misses` those it does not.
    fits: tuple[str, ...]
    misses: tuple[str, ...]


def recommend(settings: StackBuilderSettings, toolbox: Toolbox, chosen: dict[str, str]) -> dict[str, Pick]:
    """Per layer: the candidate that ranks first (see _rank), the first in title order on a tie."""
    answers = [a for q in settings.questions for a in q.answers if chosen.get(q.id) == a.id]
    picks: dict[str, Pick] = {}
    for layer in settings.layers:
        best: tuple[tuple[int, tuple[bool, ...], int], ToolSource] | None = None
        for tool in candidates(layer, toolbox):
            rank = _rank(tool, answers)
            if best is None or rank > best[0]:
                best = (rank, tool)
        if best is not None:
            rank, tool = best
            fitted = rank[1]
            picks[layer.id] = Pick(
                tool,
                tuple(a.label for a, fits in zip(answers, fitted, strict=True) if fits),
                tuple(a.label for a, fits in zip(answers, fitted, strict=True) if not fits),
            )
    return picks


def _rank(tool: ToolSource, answers: list[Answer]) -> tuple[int, tuple[bool, ...], int]:
    """Most answers fitted first. Between equals, the one fitting the earlier question: when no
    candidate fits them all, the order of the questions says which answer gives way, rather
    than the alphabet. Then the more focused tool, with the fewest values the fitted answers
    do not ask for, so a coding assistant beats a chat assistant that also writes code."""
    fitted = tuple(matches(tool, a.prefer) for a in answers)
    asked: dict[str, set[str]] = {}
    for answer in (a for a, fits in zip(answers, fitted, strict=True) if fits):
        for name, values in answer.prefer:
            asked.setdefault(name, set()).update(values)
    have = dict(tool.attributes)
    unasked = sum(len(set(have.get(name, ())) - values) for name, values in asked.items())
    return sum(fitted), fitted, -unasked


def page_view(
    settings: StackBuilderSettings, toolbox: Toolbox, intro_html: str, labels: Mapping[str, str]
) -> dict[str, Any]:
    layers = [(layer, candidates(layer, toolbox)) for layer in settings.layers]
    data = {
        "questions": [
            {
                "id": q.id,
                "answers": [
                    {
                        "id": a.id,
                        "label": a.label,
                        "prefer": {name: list(values) for name, values in a.prefer},
                    }
                    for a in q.answers
                ],
            }
            for q in settings.questions
        ],
        "layers": [
            {
                "id": layer.id,
                "title": layer.title,
                "candidates": [
                    {
                        "slug": tool.slug,
                        "title": tool.title,
                        "href": ROOT + tool_path(tool.slug),
                        "summary": tool.summary,
                        "attributes": _as_lists(tool.attributes),
                    }
                    for tool in tools
                ],
            }
            for layer, tools in layers
        ],
    }
    title = settings.title or labels["stack_builder_title"]
    return {
        "title": title,
        "description": say(labels, "stack_builder_description", title=title),
        "intro": intro_html,
        "questions": [
            {
                "id": q.id,
                "question": q.question,
                "answers": [{"id": a.id, "label": a.label} for a in q.answers],
            }
            for q in settings.questions
        ],
        "layers": [
            {
                "id": layer.id,
                "title": layer.title,
                "candidates": [LinkView(t.title, ROOT + tool_path(t.slug), t.summary) for t in tools],
            }
            for layer, tools in layers
        ],
        "data": script_json(data),
    }


def _as_lists(selector: Selector) -> dict[str, list[str]]:
    return {name: list(values) for name, values in selector}
