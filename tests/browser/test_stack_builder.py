"""Tools and the Stack Builder in a real browser: answering by keyboard, the picks against the
Python rule (stack_builder.recommend), the answers in the address, the page without
JavaScript or under a strict Content-Security-Policy, tool pages and terms pointing both ways,
and accessibility in both colour schemes."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from axe_check import (
    assert_axe_finds_nothing_above_minor,
    assert_axe_finds_nothing_above_minor_in_either_scheme,
)
from conftest import serve  # this folder's, imported while it is collected
from forced_colours import system_colours
from nu_shown import ShownPages
from playwright.sync_api import Page, Route, expect
from support import PROJECT, copy_site, needs_nu_checker

from glossary_site import config as site_config
from glossary_site import stack_builder
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import Glossary, Toolbox
from glossary_site.pipeline import BuildOptions, build
from glossary_site.tool_settings import StackBuilderSettings
from glossary_site.tools import build_toolbox, load_tools

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

STACK = "stack-builder/index.html"
TOOLS = "tools/index.html"
MIDJOURNEY = "tools/midjourney/index.html"
FLAGSHIP = "terms/generative-ai/index.html"
PHONE = {"width": 390, "height": 844}
NO_FIT = "Fits none of your answers"
SAME_TOOLS = "Same tools as before."


@dataclass(frozen=True)
class Example:
    """The example site's settings and tools, read with the package's own API."""

    title: str
    categories: tuple[str, ...]
    builder: StackBuilderSettings
    toolbox: Toolbox

    def expected(self, chosen: dict[str, str]) -> dict[str, tuple[str, str, str]]:
        """Layer id -> (tool title, tool slug, reason) as stack_builder.recommend decides."""
        picks = stack_builder.recommend(self.builder, self.toolbox, chosen)
        return {layer: (pick.tool.title, pick.tool.slug, reason(pick)) for layer, pick in picks.items()}

    def every_answer_set(self) -> list[dict[str, str]]:
        ids = [[(q.id, a.id) for a in q.answers] for q in self.builder.questions]
        return [dict(combination) for combination in itertools.product(*ids)]


@pytest.fixture(scope="module")
def example() -> Example:
    diagnostics = Diagnostics()
    config = site_config.load(PROJECT, diagnostics)
    assert config is not None and config.stack_builder is not None, diagnostics.errors
    # The Stack Builder only looks at the published tools; no term is needed to pick one.
    no_terms = Glossary(terms={}, related={}, backlinks={}, categories=(), tags=(), names={})
    toolbox = build_toolbox(
        load_tools(PROJECT, config.tools, diagnostics).sources, no_terms, diagnostics, False, config.language
    )
    assert not diagnostics.errors, diagnostics.errors
    return Example(config.title, tuple(config.tools.categories), config.stack_builder, toolbox)


def reason(pick: stack_builder.Pick) -> str:
    if not pick.fits:
        return NO_FIT
    fits = "Fits: " + " \u00b7 ".join(pick.fits)
    return fits + ". Does not fit: " + " \u00b7 ".join(pick.misses) if pick.misses else fits


def stack_url(served: ServedSite, chosen: dict[str, str] | None = None) -> str:
    return served.page_url(STACK) + ("?" + urllib.parse.urlencode(chosen) if chosen else "")


def shown_picks(page: Page) -> dict[str, Any]:
    """Layer id -> what its pick shows: hidden or not, its links, its reason."""
    layers = page.locator("li.stack-layer").evaluate_all(
        """items => items.map(li => {
            const pick = li.querySelector("p.stack-pick");
            const reason = pick.querySelector(".stack-reason");
            return [li.dataset.layer, {
                hidden: pick.hidden || getComputedStyle(pick).display === "none",
                links: [...pick.querySelectorAll("a")].map(a => [a.textContent, a.href]),
                reason: reason ? reason.textContent : null,
                label: pick.querySelector(".stack-pick-label")?.textContent ?? null,
            }];
        })"""
    )
    return dict(layers)


def assert_picks(page: Page, example: Example, chosen: dict[str, str]) -> None:
    """Every layer shows exactly the one tool Python recommends, linked, with its reason, as
    "Recommended" when it fits every answer, else as the "Closest match" (was: "Recommended"
    over "Does not fit: ...")."""
    expected = example.expected(chosen)
    n = len({title for title, _, _ in expected.values()})  # a tool two layers pick is named once
    ready = re.compile(rf"^({SAME_TOOLS} )?Your stack is ready: {n} tools")
    expect(page.locator(".stack-status")).to_have_text(ready)
    shown = shown_picks(page)
    assert set(shown) == {layer.id for layer in example.builder.layers}
    for layer, (title, slug, reason) in expected.items():
        pick = shown[layer]
        assert not pick["hidden"], f"{layer}: the pick is hidden for {chosen}"
        assert len(pick["links"]) == 1, f"{layer}: {pick['links']}"
        text, href = pick["links"][0]
        assert (text, pick["reason"]) == (title, reason), f"{layer} for {chosen}"
        fits_all = reason != NO_FIT and ". Does not fit: " not in reason
        assert pick["label"] == ("Recommended" if fits_all else "Closest match"), f"{layer} for {chosen}"
        assert href.endswith(f"/tools/{slug}/index.html"), href


def checked(page: Page) -> dict[str, str]:
    return dict(
        page.locator(".stack-form input[type=radio]:checked").evaluate_all(
            "rs => rs.map(r => [r.name, r.value])"
        )
    )


def focused_radio(page: Page) -> tuple[str, str] | None:
    found = page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || !el.matches("fieldset.stack-question input[type=radio]")) return null;
            return [el.closest("fieldset").dataset.question, el.value];
        }"""
    )
    return tuple(found) if found else None


def query_of(page: Page) -> list[tuple[str, str]]:
    return urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query)


# --- answering ----------------------------------------------------------------------------


def test_answering_every_question_by_keyboard_alone_shows_one_tool_per_layer(
    page: Page, served: ServedSite, example: Example
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served.page_url(STACK))
    status = page.locator(".stack-status")
    questions = example.builder.questions
    expect(status).to_have_text(f"Answer the {len(questions)} questions above to see your stack.")
    for _ in range(40):  # skip link, header, nav, theme, search: then the first question
        page.keyboard.press("Tab")
        if focused_radio(page):
            break
    else:
        pytest.fail("Tab never reached the first question")
    chosen: dict[str, str] = {}
    for number, question in enumerate(questions):
        where = focused_radio(page)
        assert where is not None and where[0] == question.id, f"Tab should reach {question.id}, not {where}"
        index = (number + 1) % len(question.answers)  # the first answer by Space, others by arrows
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        chosen[question.id] = question.answers[index].id
        expect(page.locator(f"fieldset[data-question='{question.id}'] input:checked")).to_have_value(
            chosen[question.id]
        )
        left = len(questions) - number - 1
        if left:
            expect(status).to_have_text(re.compile(rf"^{left} questions? left to answer"))
            expect(page.locator("p.stack-pick:visible")).to_have_count(0)
        page.keyboard.press("Tab")
    assert_picks(page, example, chosen)
    for layer in page.locator("li.stack-layer").all():
        expect(layer.locator("p.stack-pick a")).to_have_count(1)
        expect(layer.locator(".stack-candidates")).to_be_hidden()  # folded under "Other candidates"
    assert query_of(page) == [(q.id, chosen[q.id]) for q in questions]
    first = page.locator("li.stack-layer p.stack-pick a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    assert re.search(r"/tools/[a-z0-9-]+/index\.html$", page.url), page.url
    assert errors == []


def test_the_page_recommends_what_python_recommends_for_every_answer_set(
    page: Page, served: ServedSite, example: Example
) -> None:
    answer_sets = example.every_answer_set()
    assert len(answer_sets) >= 12
    reasons = set()
    for chosen in answer_sets:
        page.goto(stack_url(served, chosen))
        assert_picks(page, example, chosen)
        reasons |= {reason for _, _, reason in example.expected(chosen).values()}
    assert any(r.count("\u00b7") == 2 for r in reasons), "some tool fits all three answers"


def picked_slugs(page: Page) -> dict[str, str]:
    """Layer id -> the slug of the tool the page picks for it."""
    expect(page.locator(".stack-status")).to_have_text(re.compile(r"^Your stack is ready"))
    found = page.locator("li.stack-layer").evaluate_all(
        "items => items.map(li => [li.dataset.layer, li.querySelector('p.stack-pick a').href])"
    )
    return {layer: re.sub(r"^.*/tools/([a-z0-9-]+)/index\.html$", r"\1", href) for layer, href in found}


def test_a_managed_cloud_answer_gets_a_cloud_host_and_the_reason_names_the_answer_it_misses(
    page: Page, served: ServedSite, example: Example
) -> None:
    """Was: ComfyUI ("on your own GPU"), tied with Hugging Face and first by title, and the
    reason "Fits: Images or design work · Free or open source only" said nothing of the cloud."""
    page.goto(stack_url(served, {"building": "images", "budget": "free", "runs": "cloud"}))
    hosting = example.toolbox.tools[picked_slugs(page)["hosting"]]
    assert "cloud" in dict(hosting.attributes)["hosting"], hosting.title
    reasons = dict(
        page.locator("li.stack-layer").evaluate_all(
            "items => items.map(li => [li.dataset.layer, li.querySelector('.stack-reason').textContent])"
        )
    )
    assert reasons["hosting"] == (
        "Fits: Images or design work \u00b7 A managed cloud service. Does not fit: Free or open source only"
    )
    labels = ("Images or design work", "Free or open source only", "A managed cloud service")
    for layer, text in reasons.items():  # every answer is either fitted or said to be missed
        assert all(label in text for label in labels), f"{layer}: {text}"


def test_a_coding_project_is_offered_a_coding_assistant(
    page: Page, served: ServedSite, example: Example
) -> None:
    """Was: Cursor and GitHub Copilot were never picked, and each of the 9 coding stacks was
    the matching chatbot stack."""
    coding = {slug for slug, tool in example.toolbox.tools.items() if tool.category == "Coding assistants"}
    for chosen in example.every_answer_set():
        if chosen["building"] != "code":
            continue
        page.goto(stack_url(served, chosen))
        picked = picked_slugs(page)
        assert coding & set(picked.values()), f"no coding assistant for {chosen}: {picked}"
        page.goto(stack_url(served, {**chosen, "building": "chat"}))
        assert picked_slugs(page) != picked, f"{chosen} gives the chatbot stack"


def test_a_pick_that_fits_no_answer_is_the_first_candidate_and_says_so(
    page: Page, served: ServedSite, example: Example
) -> None:
    """No answer of the example fits nothing, so the page is given answers nothing has."""
    nothing = (("modality", ("no-such-modality",)),)
    questions = tuple(
        dataclasses.replace(q, answers=tuple(dataclasses.replace(a, prefer=nothing) for a in q.answers))
        for q in example.builder.questions
    )
    unfit = dataclasses.replace(example, builder=dataclasses.replace(example.builder, questions=questions))

    def no_fits(route: Route) -> None:
        html = route.fetch().text()
        data = re.search(r'(<script type="application/json" id="stack-data">)(.*?)(</script>)', html, re.S)
        assert data
        parsed = json.loads(data.group(2))
        for question in parsed["questions"]:
            for answer in question["answers"]:
                answer["prefer"] = {"modality": ["no-such-modality"]}
        html = html[: data.start(2)] + json.dumps(parsed) + html[data.end(2) :]
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(re.compile(r"/stack-builder/index\.html"), no_fits)
    chosen = unfit.every_answer_set()[0]
    page.goto(stack_url(served, chosen))
    expected = unfit.expected(chosen)
    assert {reason for _, _, reason in expected.values()} == {NO_FIT}
    first = {
        layer.id: stack_builder.candidates(layer, example.toolbox)[0].title
        for layer in example.builder.layers
    }
    assert {layer: title for layer, (title, _, _) in expected.items()} == first
    assert_picks(page, unfit, chosen)


def test_arrow_keys_change_an_answer_and_the_stack_follows(
    page: Page, served: ServedSite, example: Example
) -> None:
    chosen = example.every_answer_set()[0]
    page.goto(stack_url(served, chosen))
    first = example.builder.questions[0]
    page.locator(f"fieldset[data-question='{first.id}'] input:checked").focus()
    page.keyboard.press("ArrowDown")
    chosen = {**chosen, first.id: first.answers[1].id}
    expect(page.locator(f"fieldset[data-question='{first.id}'] input:checked")).to_have_value(
        first.answers[1].id
    )
    assert_picks(page, example, chosen)
    assert dict(query_of(page)) == chosen


def record_what_the_status_says(page: Page) -> None:
    """From now on, window.said lists the status's text after each change to it."""
    page.evaluate(
        """() => {
            const status = document.querySelector(".stack-status");
            window.said = [];
            new MutationObserver(() => window.said.push(status.textContent))
                .observe(status, { childList: true, characterData: true, subtree: true });
        }"""
    )


def announcements(page: Page) -> list[str]:
    """What the status said, its blanking between answers left out."""
    said: list[str] = page.evaluate("window.said")
    return [text for text in said if text]


def status_text(example: Example, chosen: dict[str, str]) -> str:
    tools = list(dict.fromkeys(title for title, _, _ in example.expected(chosen).values()))
    return f"Your stack is ready: {len(tools)} tools ({', '.join(tools)})."


def test_arrowing_through_answers_announces_only_the_stack_it_stops_at(
    page: Page, served: ServedSite, example: Example
) -> None:
    """Was: each arrow key checked an answer and the live status said its stack at once, so a
    screen reader read out a stack for every answer passed on the way."""
    question = next(q for q in example.builder.questions if len(q.answers) >= 4)
    start = {**example.every_answer_set()[0], question.id: question.answers[0].id}
    steps = [{**start, question.id: answer.id} for answer in question.answers[1:4]]
    assert len({status_text(example, chosen) for chosen in [start, *steps]}) >= 3, "stacks that differ"
    page.goto(stack_url(served, start))
    status = page.locator(".stack-status")
    expect(status).to_have_text(status_text(example, start))
    record_what_the_status_says(page)
    page.wait_for_timeout(1500)
    assert announcements(page) == [], "nothing is announced before the reader answers"
    page.locator(f"fieldset[data-question='{question.id}'] input:checked").focus()
    for _ in steps:
        page.keyboard.press("ArrowDown")
    assert_picks(page, example, steps[-1])  # the picks follow at once; the status waits for it
    page.wait_for_timeout(1500)
    assert announcements(page) == [status_text(example, steps[-1])]


def test_an_answer_that_keeps_the_stacks_tools_still_announces_that_it_was_taken(
    page: Page, served: ServedSite, example: Example
) -> None:
    """Was: changing an answer whose stack had the same tools left the status as it was, so a
    screen reader said nothing, though every layer's reason had changed."""
    pairs = (
        (chosen, {**chosen, question.id: answer.id})
        for chosen in example.every_answer_set()
        for question in example.builder.questions
        for answer in question.answers
        if answer.id != chosen[question.id]
    )
    before, after = next((a, b) for a, b in pairs if status_text(example, a) == status_text(example, b))
    question = next(q for q in example.builder.questions if before[q.id] != after[q.id])
    page.goto(stack_url(served, before))
    status = page.locator(".stack-status")
    expect(status).to_have_text(status_text(example, before))
    reasons = shown_picks(page)
    record_what_the_status_says(page)
    page.locator(f"fieldset[data-question='{question.id}'] input[value='{after[question.id]}']").check()
    expect(status).to_have_text(f"{SAME_TOOLS} {status_text(example, after)}")
    assert announcements(page) == [f"{SAME_TOOLS} {status_text(example, after)}"]
    assert shown_picks(page) != reasons
    assert_picks(page, example, after)


def test_in_forced_colours_a_picked_answer_and_the_question_numbers_stay_marked(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: Windows high contrast drops backgrounds and shadows and paints every border in one
    colour, so a picked answer differed from the others only by its radio's dot and the
    questions' numbers lost their circles."""
    page = open_page(forced_colors="active")
    page.goto(served.page_url(STACK))
    question = page.locator("fieldset.stack-question").first
    question.locator(".stack-answer").nth(1).click()
    colours = system_colours(page, "CanvasText", "Highlight")
    rows = question.locator(".stack-answer").evaluate_all(
        "rows => rows.map(row => { const s = getComputedStyle(row); return"
        " [row.querySelector('input').checked, s.borderTopColor, s.borderTopWidth]; })"
    )
    picked = {(colour, width) for checked, colour, width in rows if checked}
    others = {(colour, width) for checked, colour, width in rows if not checked}
    assert picked == {(colours["Highlight"], "2px")}
    assert others == {(colours["CanvasText"], "1px")}
    circles = page.locator(".stack-question legend").evaluate_all(
        "legends => legends.map(legend => { const s = getComputedStyle(legend, '::before');"
        " return [s.borderStyle, s.borderWidth, s.borderColor, s.borderRadius]; })"
    )
    circle = ("solid", "2px", colours["CanvasText"], "50%")
    assert circles and {tuple(each) for each in circles} == {circle}


def test_the_address_holds_the_answers_and_reloading_restores_the_stack(
    page: Page, open_page: OpenPage, served: ServedSite, example: Example
) -> None:
    page.goto(served.page_url(STACK))
    chosen = example.every_answer_set()[-1]
    for question in example.builder.questions:
        page.locator(f"fieldset[data-question='{question.id}'] input[value='{chosen[question.id]}']").check()
    assert_picks(page, example, chosen)
    assert query_of(page) == [(q.id, chosen[q.id]) for q in example.builder.questions]
    before = shown_picks(page)
    page.reload()
    assert checked(page) == chosen
    assert shown_picks(page) == before
    shared = open_page()  # a link sent to someone else
    shared.goto(page.url)
    assert checked(shared) == chosen
    assert shown_picks(shared) == before


def test_a_printed_stack_asks_for_no_answers_the_paper_leaves_out(
    page: Page, served: ServedSite, example: Example
) -> None:
    """Was: printed before every question was answered, the page said "Answer the 3 questions
    above to see your stack." above the candidates, with no question on the paper."""
    first = example.builder.questions[0]
    for chosen in ({}, {first.id: first.answers[0].id}):
        page.goto(stack_url(served, chosen))
        expect(page.locator(".stack-status")).to_have_text(re.compile("question"))
        page.emulate_media(media="print")
        expect(page.locator("fieldset.stack-question").first).to_be_hidden()
        expect(page.locator(".stack-status")).to_be_hidden()
        expect(page.locator(".stack-candidates a").first).to_be_visible()
        page.emulate_media(media="screen")
    page.goto(stack_url(served, example.every_answer_set()[0]))
    page.emulate_media(media="print")
    expect(page.locator(".stack-status")).to_have_text(re.compile("^Your stack is ready"))
    expect(page.locator("p.stack-pick:visible")).to_have_count(len(example.builder.layers))
    # was: every other candidate printed under the pick, with no heading, as if part of it
    expect(page.locator(".stack-others li:visible")).to_have_count(0)
    page.emulate_media(media="screen")
    expect(page.locator(".stack-others summary").first).to_be_visible()


def test_an_address_with_unknown_answers_keeps_only_the_known_ones(
    page: Page, served: ServedSite, example: Example
) -> None:
    first, second = example.builder.questions[:2]
    page.goto(stack_url(served, {first.id: "no-such-answer", second.id: second.answers[0].id, "utm": "x"}))
    assert checked(page) == {second.id: second.answers[0].id}
    left = len(example.builder.questions) - 1
    expect(page.locator(".stack-status")).to_have_text(re.compile(rf"^{left} questions left"))
    assert query_of(page) == [("utm", "x"), (second.id, second.answers[0].id)]
    expect(page.locator("p.stack-pick:visible")).to_have_count(0)


def test_start_over_clears_the_answers_the_address_and_the_stack(
    page: Page, served: ServedSite, example: Example
) -> None:
    page.goto(stack_url(served, example.every_answer_set()[0]))
    expect(page.locator("p.stack-pick:visible")).to_have_count(len(example.builder.layers))
    reset = page.get_by_role("button", name="Start over")
    reset.focus()
    page.keyboard.press("Enter")
    expect(reset).to_be_hidden()
    expect(page.locator("p.stack-pick:visible")).to_have_count(0)
    assert checked(page) == {}
    assert urllib.parse.urlsplit(page.url).query == ""
    assert focused_radio(page) == (
        example.builder.questions[0].id,
        example.builder.questions[0].answers[0].id,
    )
    for layer in page.locator("li.stack-layer").all():
        expect(layer.locator(".stack-candidates li").first).to_be_visible()
    expect(page.locator("details.stack-others")).to_have_count(0)


def test_other_candidates_open_by_keyboard_and_leave_out_the_pick(
    page: Page, served: ServedSite, example: Example
) -> None:
    chosen = example.every_answer_set()[0]
    page.goto(stack_url(served, chosen))
    layer = example.builder.layers[0]
    item = page.locator(f"li.stack-layer[data-layer='{layer.id}']")
    others = item.locator("details.stack-others")
    candidates = stack_builder.candidates(layer, example.toolbox)
    expect(others.locator("summary")).to_have_text(f"Other candidates ({len(candidates) - 1})")
    others.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(others).to_have_attribute("open", "")
    listed = others.locator(".stack-candidates li:visible a")
    pick_title = example.expected(chosen)[layer.id][0]
    assert listed.all_inner_texts() == [t.title for t in candidates if t.title != pick_title]
    page.keyboard.press("Enter")
    expect(others.locator(".stack-candidates")).to_be_hidden()


def test_each_other_candidates_control_is_named_with_its_layer(
    page: Page, served: ServedSite, example: Example
) -> None:
    """A screen reader's list of controls showed five "Other candidates (n)", told apart by
    their counts alone; each now says its layer too, after the words it shows."""
    page.goto(stack_url(served, example.every_answer_set()[0]))
    for layer in example.builder.layers:
        summary = page.locator(f"li.stack-layer[data-layer='{layer.id}'] details.stack-others summary")
        if summary.is_visible():
            shown = summary.inner_text()
            expect(summary).to_have_accessible_name(f"{shown} {layer.title}")
    names = page.locator("details.stack-others summary").evaluate_all(
        "items => items.map(s => s.getAttribute('aria-labelledby'))"
    )
    assert len(names) == len(set(names)) == len(example.builder.layers)


def test_without_javascript_every_layer_lists_its_candidates(
    open_page: OpenPage, served: ServedSite, example: Example
) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(stack_url(served, example.every_answer_set()[0]))
    for layer in example.builder.layers:
        item = page.locator(f"li.stack-layer[data-layer='{layer.id}']")
        expect(item.locator("p.stack-pick")).to_be_hidden()
        titles = [t.title for t in stack_builder.candidates(layer, example.toolbox)]
        expect(item.locator(".stack-candidates li a")).to_have_text(titles)
        expect(item.locator(".stack-candidates li").first).to_be_visible()
        expect(item.locator(".stack-summary").first).to_be_visible()
    expect(page.locator("details.stack-others")).to_have_count(0)
    expect(page.get_by_role("button", name="Start over")).to_be_hidden()
    # was: answers that could be chosen and did nothing, first without a word, then with a note
    expect(page.locator(".stack-noscript")).to_contain_text("Recommendations need JavaScript")
    radios = page.locator("input[type=radio]")
    expect(radios).to_have_count(sum(len(question.answers) for question in example.builder.questions))
    for radio in radios.all():
        expect(radio).to_be_hidden()


def test_a_question_called_constructor_and_a_tool_picked_by_two_layers(
    page: Page, tmp_path: Path, example: Example
) -> None:
    """Was: on load the address became ?constructor=function+Object()+..., a plain object's own
    property taken for an answer; and the status named a tool two layers pick twice."""
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    twice = "  layers:\n    - id: model-again\n      title: Second model\n      tools: {layer: model}\n"
    text = settings.read_text(encoding="utf-8").replace("    - id: runs\n", "    - id: constructor\n")
    settings.write_text(text.replace("  layers:\n", twice), encoding="utf-8")
    out = tmp_path / "out"
    result = build(BuildOptions(site, out, search=False, use_cache=False))
    assert result.ok(strict=False), result.diagnostics.sorted()
    with serve(out) as address:
        page.goto(f"{address}/{STACK}")
        status = page.locator(".stack-status")
        expect(status).to_have_text(re.compile(r"^Answer the 3 questions"))
        assert query_of(page) == []
        for question in page.locator("fieldset.stack-question").all():
            question.locator("input").first.check()
        expect(status).to_have_text(re.compile(r"^Your stack is ready"))
        named = re.findall(r"\((.*)\)", status.inner_text())[0].split(", ")
        first = {q.id: q.answers[0].id for q in example.builder.questions}
        assert len(named) == len(set(named)) == len({t for t, _, _ in example.expected(first).values()})
        assert dict(query_of(page))["constructor"] == "cloud"


def test_an_element_of_the_intro_named_like_the_pages_data_is_not_read_as_it(
    page: Page, tmp_path: Path
) -> None:
    """Was: a `<div id="stack-data">` in site.yml's intro, above the page's own data, was read as
    the data, so the pick linked wherever it said, `javascript:` included, and ran it."""
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    decoy = json.dumps({"layers": [{"id": "model", "title": "Model", "candidates": []}], "questions": []})
    intro = f'  intro: |\n    Answer three questions.\n\n    <div id="stack-data">{decoy}</div>\n'
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        re.sub(r"  intro: Answer three questions[^\n]*\n", lambda _: intro, text), encoding="utf-8"
    )
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    with serve(out) as address:
        page.goto(f"{address}/{STACK}")
        assert page.locator("#stack-data").evaluate_all("nodes => nodes.map(node => node.tagName)") == [
            "SCRIPT"
        ]
        for question in page.locator("fieldset.stack-question").all():
            question.locator("input").first.check()
        expect(page.locator(".stack-status")).to_have_text(re.compile(r"^Your stack is ready"))
        picks = page.locator("a.stack-pick-tool")
        expect(picks.first).to_be_visible()
        assert all(
            href.startswith("../tools/")
            for href in picks.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        )


def test_a_long_unbroken_tool_name_and_summary_fit_a_phone(open_page: OpenPage, tmp_path: Path) -> None:
    """Was: 742 px wide tools index, 924 px tool page and 526 px Stack Builder on a 360 px phone."""
    site = copy_site("example", tmp_path)
    name = "Aardvarkvectordatabaseserverwithanunbrokennamethatgoesonandon"
    (site / "content/tools/aardvark.md").write_text(
        f"---\ntitle: {name}\nsummary: https://example.org/a/very/long/unbroken/path/that/keeps/going/on\n"
        f"url: https://example.org/\naliases: [{name}Alias]\ncategory: Vector databases\nattributes:\n"
        "  layer: vector-store\n  pricing: free\n  hosting: [cloud, self-hosted, local]\n"
        "  modality: [text, image, video, audio, code]\n---\n\nBody.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    page = open_page(viewport={"width": 360, "height": 800})
    with serve(out) as address:
        for path in (TOOLS, "tools/aardvark/index.html", f"{STACK}?building=rag&budget=free&runs=cloud"):
            page.goto(f"{address}/{path}")
            expect(page.locator("main")).to_contain_text(name)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_the_stack_builder_works_under_a_strict_policy(
    page: Page, strict_site: str, example: Example
) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    chosen = example.every_answer_set()[0]
    page.goto(f"{strict_site}/{STACK}?{urllib.parse.urlencode(chosen)}")
    assert_picks(page, example, chosen)
    page.locator("details.stack-others summary").first.click()
    for path in (TOOLS, MIDJOURNEY):
        page.goto(f"{strict_site}/{path}")
        page.wait_for_load_state("load")
    assert violations == []


# --- tools and terms ------------------------------------------------------------------------


def test_a_term_page_shows_its_tools_as_cards_with_summaries(
    page: Page, served: ServedSite, example: Example
) -> None:
    page.goto(served.page_url(FLAGSHIP))
    block = page.locator("aside.sidebar section.related-tools")
    expect(block.locator("h2")).to_have_text(f"Related on {example.title}")
    cards = block.locator(".term-cards li")
    assert cards.count() >= 3
    for card in cards.all():
        href = card.locator("a").get_attribute("href") or ""
        slug = re.fullmatch(r"\.\./\.\./tools/([a-z0-9-]+)/index\.html", href)
        assert slug, href
        tool = example.toolbox.tools[slug.group(1)]
        expect(card.locator("a")).to_have_text(tool.title)
        expect(card.locator("p")).to_have_text(tool.summary)
    cards.first.locator("a").click()
    expect(page.locator("main.tool-page h1")).to_be_visible()


def test_a_tool_page_lists_the_terms_that_mention_it_and_they_list_it_back(
    page: Page, served: ServedSite, example: Example
) -> None:
    tool = example.toolbox.tools["midjourney"]
    page.goto(served.page_url(MIDJOURNEY))
    expect(page.locator("h1")).to_have_text(tool.title)
    expect(page.locator("a.tool-visit")).to_have_attribute("href", tool.url)
    mentions = page.locator("section.mentions .term-cards li a")
    terms = [(link.inner_text(), link.get_attribute("href")) for link in mentions.all()]
    assert len(terms) >= 2, terms
    for title, href in terms:
        assert href
        page.goto(urllib.parse.urljoin(served.page_url(MIDJOURNEY), href))
        expect(page.locator("h1")).to_have_text(title)
        expect(
            page.locator("section.related-tools a").filter(has_text=re.compile(f"^{tool.title}$"))
        ).to_have_count(1)


def test_a_tool_pages_facts_name_each_value_in_the_words_site_yml_gives_it(
    page: Page, served: ServedSite
) -> None:
    """Was "Layer: app", "Hosting: self-hosted": the values a selector names, not a reader's words."""
    page.goto(served.page_url(MIDJOURNEY))
    facts = page.get_by_role("table", name="What Midjourney offers")
    rows = [
        (row.locator("th").inner_text(), row.locator("td").inner_text()) for row in facts.locator("tr").all()
    ]
    assert rows == [
        ("Layer", "Ready-made app"),
        ("Modality", "Images"),
        ("Pricing", "Paid only"),
        ("Hosting", "Cloud service"),
    ]


def test_the_tools_index_groups_every_tool_under_its_category(
    page: Page, served: ServedSite, example: Example
) -> None:
    page.goto(served.page_url(TOOLS))
    expect(page.locator("h1")).to_have_text("Tools")
    cards = page.locator("section.tool-group .cards .card h3 a")
    assert sorted(cards.all_inner_texts()) == sorted(t.title for t in example.toolbox.tools.values())
    used = {t.category for t in example.toolbox.tools.values()}
    expected = [c for c in example.categories if c in used] + (["Other tools"] if None in used else [])
    expect(page.locator("section.tool-group h2")).to_have_text(expected)
    for group in page.locator("section.tool-group").all():
        name = group.locator("h2").inner_text()
        titles = sorted(
            t.title for t in example.toolbox.tools.values() if (t.category or "Other tools") == name
        )
        assert sorted(group.locator(".card h3 a").all_inner_texts()) == titles, name
    jump = page.locator("nav.tool-categories a").nth(2)
    target = jump.get_attribute("href")
    # Was: #tools-3, which led to another category once site.yml reordered them.
    assert target == "#tools-" + re.sub(r"[^a-z0-9]+", "-", jump.inner_text().lower())
    jump.click()
    expect(page.locator(target)).to_be_in_viewport()
    expect(page.locator(target)).to_have_text(jump.inner_text())


def test_on_a_phone_the_sidebar_keeps_its_order_and_the_pages_fit(
    open_page: OpenPage, served: ServedSite, example: Example
) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    order = [
        "aside.sidebar .related",
        "aside.sidebar .related-tools",
        "aside.sidebar .backlinks",
        "aside.cta",
    ]
    boxes = [page.locator(selector).bounding_box() for selector in order]
    assert all(boxes), dict(zip(order, boxes, strict=True))
    for (upper, lower), names in zip(itertools.pairwise(boxes), itertools.pairwise(order), strict=True):
        assert upper and lower and upper["y"] + upper["height"] <= lower["y"] + 1, names
    for path in (
        stack_url(served, example.every_answer_set()[0]),
        served.page_url(MIDJOURNEY),
        served.page_url(TOOLS),
    ):
        page.goto(path)
        wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not wide, f"{path} scrolls sideways at {PHONE['width']} px"


# --- accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
@pytest.mark.parametrize("path", [STACK, MIDJOURNEY, TOOLS])
def test_axe_finds_nothing_above_minor(
    open_page: OpenPage, served: ServedSite, example: Example, path: str, width: int
) -> None:
    page = open_page(viewport={"width": width, "height": 800})
    if path == STACK:
        page.goto(stack_url(served, example.every_answer_set()[0]))
        page.locator("details.stack-others summary").first.click()  # an open list of others too
        page.locator(".stack-form input:checked").first.focus()
    else:
        page.goto(served.page_url(path))
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} ({width} px)")


@pytest.mark.parametrize(("system", "chosen"), [("light", "dark"), ("dark", "light")])
def test_axe_passes_the_answered_stack_in_the_scheme_chosen_with_the_toggle(
    open_page: OpenPage, served: ServedSite, example: Example, system: str, chosen: str
) -> None:
    page = open_page(color_scheme=system)
    page.goto(stack_url(served, example.every_answer_set()[0]))
    page.locator(".theme-toggle").click()
    expect(page.locator("html")).to_have_attribute("data-theme", chosen)
    assert_axe_finds_nothing_above_minor(page, f"{STACK} ({chosen} chosen on a {system} system)")
    page.goto(served.page_url(MIDJOURNEY))
    assert_axe_finds_nothing_above_minor(page, f"{MIDJOURNEY} ({chosen} chosen on a {system} system)")


@needs_nu_checker
def test_the_nu_html_checker_passes_the_stack_as_answered(
    open_page: OpenPage, served: ServedSite, example: Example, tmp_path: Path
) -> None:
    """The picks, their reasons and the lists of others are the script's markup, which the
    built page the e2e tests check does not hold."""
    shown = ShownPages(tmp_path)
    page = open_page()
    first = example.every_answer_set()[0]
    question, answer = next(iter(first.items()))
    page.goto(stack_url(served, {question: answer}))
    expect(page.locator(".stack-form input:checked")).to_have_count(1)
    shown.save(page, "one question answered")
    page.goto(stack_url(served))
    for chosen in first.values():
        page.locator(f".stack-form input[value='{chosen}']").first.check()
    expect(page.locator("li.stack-layer.has-pick").first).to_be_visible()
    page.locator("details.stack-others summary").first.click()
    page.locator(".theme-toggle").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    shown.save(page, "every question answered, others opened, dark chosen")
    shown.assert_nu_checker_passes()


def test_the_tools_index_leads_to_the_stack_builder(page: Page, served: ServedSite) -> None:
    """Was: only a call to action an editor may not write led there; a site without one had
    the page and no way to it."""
    page.goto(served.page_url("tools/index.html"))

    page.get_by_role("link", name="Stack Builder", exact=True).click()

    expect(page).to_have_url(served.page_url(STACK))
    expect(page.locator("h1")).to_have_text("Stack Builder")
