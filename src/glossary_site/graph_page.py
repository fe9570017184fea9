"""The whole glossary as a graph: /graph/, and at scale one graph per category.

Up to ALL_TERMS terms, /graph/ draws every term. Above that a picture of every term is a
hairball and too slow to lay out, so /graph/ draws one node per category, sized by its terms
and joined by lines as thick as the links between the two categories, and each category node
opens /graph/<category>/: that category's most linked terms and the links among them.

Each page is made from a Chart record (what is drawn, before layout) so its key covers the
picture and an unchanged graph is never laid out again; the layout (graph_layout.py) runs only
when the page is rendered.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, NamedTuple, Protocol

from glossary_site import graph_layout
from glossary_site import labels as theme_labels
from glossary_site.a_to_z import filed_key
from glossary_site.graph_layout import Box
from glossary_site.link_graph import LinkGraph
from glossary_site.model import Glossary, Group, PageJob
from glossary_site.neighbourhood import wrap
from glossary_site.render import TEMPLATES
from glossary_site.urls import GRAPH, address, category_graph_path, group_url, term_path

#: Up to this many terms /graph/ shows each of them.
ALL_TERMS = 100
#: A category's graph shows at most this many of its terms, the most linked.
CATEGORY_TERMS = 40
WIDTH = 960
#: Room each node takes in the frame, in square units: a label and space around it.
AREA = 14000
LINE = 16
LINE_HEIGHT = 14.0
#: Character width of a label at 12 units (weight 500) in a line of wide letters ("mechanism",
#: "Augmented") in DejaVu Sans, the system-ui of many Linux desktops and wider than most.
CHAR = 7.7
#: What a reader's text spacing adds to a label at 12 units: WCAG 1.4.12 asks that letters
#: 0.12em and words 0.16em further apart lose nothing, and the labels are packed by their widths.
LETTER_SPACING = 1.44
WORD_SPACING = 1.92
GAP = 6.0
#: How many times the frame may grow taller when the labels do not fit.
GROWTHS = 6
#: From this many nodes a link before the drawing skips them: Tab reaches each node in turn.
SKIP_FROM = 10
#: The label counting each kind of thing a graph page counts ("37 terms").
COUNTS = {"term": "terms_count", "category": "categories_count", "link": "links_count"}


class Spot(NamedTuple):
    """A node as recorded: what it is called, where it links, how big it is drawn."""

    title: str
    href: str
    #: Its links (a term) or terms (a category): the node's area grows with it.
    size: int
    #: Its tooltip: "12 links", "830 terms".
    says: str
    #: The name a term is filed under A to Z instead of its title (its `sort_as`), or "".
    sort_as: str = ""


class Chart(NamedTuple):
    """Everything one graph page draws; its key is the digest of this record."""

    title: str
    spots: tuple[Spot, ...]
    #: (spot, spot, weight): the number of links between the two.
    edges: tuple[tuple[int, int, int], ...]
    #: What each node stands for: "term" or "category".
    kind: str
    #: Terms of the category left out of a category's graph.
    left_out: int = 0
    #: Each category as (name, href of its graph, terms, links inside, links out) for the table
    #: under the overview, or the linked categories under a category's graph.
    table: tuple[tuple[str, str, int, int, int], ...] = ()
    #: The category's name and page, on a category's graph.
    name: str = ""
    listing: str = ""


class Line(NamedTuple):
    text: str
    x: float
    y: float


class Node(NamedTuple):
    title: str
    href: str
    says: str
    x: float
    y: float
    r: float
    lines: tuple[Line, ...]


class Edge(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    #: 1 to 4: the line's thickness class.
    weight: int


class Picture(NamedTuple):
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


class Joins(NamedTuple):
    """A drawn term and the drawn terms its lines join it to: the lines in words."""

    term: Spot
    others: tuple[Spot, ...]


class Jobs(Protocol):
    def record_job(
        self, template: str, path: str, record: object, view: Callable[[], dict[str, Any]]
    ) -> PageJob: ...


def graph_paths(glossary: Glossary) -> list[str]:
    """/graph/ and, when it shows categories, one graph per category (for the sitemap)."""
    if not glossary.terms:
        return []
    if _shows_terms(glossary):
        return [GRAPH]
    return [GRAPH, *(category_graph_path(group.slug) for group in glossary.categories)]


def _shows_terms(glossary: Glossary) -> bool:
    return len(glossary.terms) <= ALL_TERMS


def graph_jobs(
    jobs: Jobs, glossary: Glossary, network: LinkGraph, said: Mapping[str, str], language: str
) -> list[PageJob]:
    """The pages of graph_paths, in the site's words `said` (its labels) and A to Z order of its
    `language`: site settings that are part of every page's key."""
    if not glossary.terms:
        return []
    if _shows_terms(glossary):
        charts = {GRAPH: _all_terms(glossary, network, said)}
    elif glossary.categories:
        charts = _by_category(glossary, network, said)
    else:
        charts = {GRAPH: _most_linked(glossary, network, said)}
    return [
        jobs.record_job(TEMPLATES["graph"], path, chart, partial(graph_view, chart, said, language))
        for path, chart in charts.items()
    ]


def _term_chart(
    glossary: Glossary,
    slugs: list[str],
    pairs: Iterable[tuple[tuple[str, str], int]],
    root: str,
    degrees: Counter[str],
    labels: Mapping[str, str],
) -> tuple[tuple[Spot, ...], tuple[tuple[int, int, int], ...]]:
    """The terms `slugs` as spots, and those of `pairs` (links counted by pair) between them."""
    place = {slug: i for i, slug in enumerate(slugs)}
    terms = glossary.terms
    spots = tuple(
        Spot(
            terms[s].title,
            root + term_path(s),
            degrees[s],
            _count(labels, degrees[s], "link"),
            terms[s].sort_as,
        )
        for s in slugs
    )
    edges = tuple((place[a], place[b], count) for (a, b), count in sorted(pairs) if a in place and b in place)
    return spots, edges


def _all_terms(glossary: Glossary, network: LinkGraph, labels: Mapping[str, str]) -> Chart:
    """Every term, grouped by category in the starting circle so categories settle together."""
    order = sorted(glossary.terms, key=lambda s: (glossary.terms[s].category or "\uffff", s))
    spots, edges = _term_chart(glossary, order, network.pairs.items(), "../", network.degrees, labels)
    return Chart(labels["graph_of_the_glossary"], spots, edges, "term")


def _most_linked(glossary: Glossary, network: LinkGraph, labels: Mapping[str, str]) -> Chart:
    """The ALL_TERMS most linked terms (ties in title order) of a glossary too large to draw
    whole that has no category to draw instead: its /graph/ was an empty frame over "0
    categories and 0 links", whatever its links."""
    order = {slug: n for n, slug in enumerate(glossary.terms)}
    shown = sorted(
        sorted(glossary.terms, key=lambda s: -network.degrees[s])[:ALL_TERMS], key=order.__getitem__
    )
    spots, edges = _term_chart(glossary, shown, network.pairs.items(), "../", network.degrees, labels)
    left_out = len(glossary.terms) - len(shown)
    return Chart(labels["graph_of_the_glossary"], spots, edges, "term", left_out=left_out)


def _by_category(glossary: Glossary, network: LinkGraph, labels: Mapping[str, str]) -> dict[str, Chart]:
    home = {slug: group.slug for group in glossary.categories for slug in group.terms}
    inside: Counter[str] = Counter()
    #: Each term's links within its own category, and each category's pairs.
    local: Counter[str] = Counter()
    within: dict[str, list[tuple[tuple[str, str], int]]] = {}
    between: Counter[tuple[str, str]] = Counter()
    for (a, b), count in network.pairs.items():
        first, second = home.get(a), home.get(b)
        if first is None or second is None:
            continue
        if first == second:
            inside[first] += count
            local[a] += count
            local[b] += count
            within.setdefault(first, []).append(((a, b), count))
        else:
            between[(first, second) if first < second else (second, first)] += count
    outside: Counter[str] = Counter()
    for (first, second), count in between.items():
        outside[first] += count
        outside[second] += count
    groups = glossary.categories
    place = {group.slug: i for i, group in enumerate(groups)}
    table = tuple((g.name, _graph_of(g), len(g.terms), inside[g.slug], outside[g.slug]) for g in groups)
    overview = Chart(
        labels["graph_of_the_glossary"],
        tuple(Spot(g.name, _graph_of(g), len(g.terms), _count(labels, len(g.terms), "term")) for g in groups),
        tuple((place[a], place[b], count) for (a, b), count in sorted(between.items())),
        "category",
        left_out=len(glossary.terms) - len(home),
        table=table,
    )
    charts = {GRAPH: overview}
    degrees = network.degrees
    for group in groups:
        charts[category_graph_path(group.slug)] = _category(
            glossary, group, within.get(group.slug, []), degrees, local, between, groups, labels
        )
    return charts


def _category(
    glossary: Glossary,
    group: Group,
    pairs: list[tuple[tuple[str, str], int]],
    degrees: Counter[str],
    local: Counter[str],
    between: Counter[tuple[str, str]],
    groups: tuple[Group, ...],
    labels: Mapping[str, str],
) -> Chart:
    """A category's terms with the most links among themselves, then the most links overall
    (ties in title order), and the categories it links to."""
    shown = sorted(group.terms, key=lambda s: (-local[s], -degrees[s]))[:CATEGORY_TERMS]
    shown.sort(key=group.terms.index)
    spots, edges = _term_chart(glossary, shown, pairs, "../../", degrees, labels)
    linked = []
    for other in groups:
        key = (group.slug, other.slug) if group.slug < other.slug else (other.slug, group.slug)
        if other is not group and between[key]:
            linked.append((other.name, "../" + _graph_of(other), len(other.terms), 0, between[key]))
    linked.sort(key=lambda row: -row[4])
    return Chart(
        theme_labels.say(labels, "graph_of_category", category=group.name),
        spots,
        edges,
        "term",
        left_out=len(group.terms) - len(shown),
        table=tuple(linked),
        name=group.name,
        listing=group_url("categories", group.slug, "../../"),
    )


def _graph_of(category: Group) -> str:
    """The link to a category's graph (category_graph_path) from /graph/, its folder's parent."""
    return address(f"{category.slug}/index.html")


def _count(labels: Mapping[str, str], number: int, noun: str) -> str:
    """'37 terms', '1 link': the label COUNTS gives the noun."""
    return theme_labels.say(labels, COUNTS[noun], count=number)


def picture(chart: Chart) -> Picture:
    """The chart laid out: nodes' areas grow with their size, labels under them, apart."""
    return _picture(chart.spots, chart.edges, chart.kind)


@functools.lru_cache(maxsize=64)
def _picture(spots: tuple[Spot, ...], links: tuple[tuple[int, int, int], ...], kind: str) -> Picture:
    """Laid out once per drawing in a process: when a term moves to another category, serve
    makes every category's graph page again (each lists the others' sizes), but only two
    drawings changed, and the layout is most of a graph page's time."""
    count = len(spots)
    height = max(360, round(AREA * count / WIDTH / 10) * 10)
    largest = max((spot.size for spot in spots), default=0) or 1
    heaviest = max((w for _, _, w in links), default=0) or 1
    radii = [round(5 + 13 * math.sqrt(spot.size / largest), 1) for spot in spots]
    labels = [wrap(spot.title, LINE) for spot in spots]
    boxes = [
        Box(max(r, max(map(label_width, lines)) / 2) + 4, r + 4, r + GAP + LINE_HEIGHT * len(lines))
        for r, lines in zip(radii, labels, strict=True)
    ]
    pulls = [(a, b, 0.3 + 0.7 * w / heaviest) for a, b, w in links]
    points = graph_layout.place(count, pulls, WIDTH, height)
    for _ in range(GROWTHS):
        points, settled = graph_layout.separate(
            graph_layout.fit(points, boxes, WIDTH, height), boxes, WIDTH, height
        )
        if settled:
            break
        height = round(height * 1.2 / 10) * 10  # labels need more room than the estimate gave
    nodes = []
    for spot, (x, y), r, lines in zip(spots, points, radii, labels, strict=True):
        x, y = round(x, 1), round(y, 1)
        first = y + r + GAP + 10
        drawn = tuple(Line(text, x, round(first + LINE_HEIGHT * n, 1)) for n, text in enumerate(lines))
        nodes.append(Node(spot.title, spot.href, spot.says, x, y, r, drawn))
    # between terms a line stands for one link or two (one each way); between categories for
    # up to thousands, so there thickness is relative to the heaviest line
    terms = kind == "term"
    edges = tuple(
        Edge(
            nodes[a].x,
            nodes[a].y,
            nodes[b].x,
            nodes[b].y,
            min(w, 2) if terms else 1 + round(3 * w / heaviest),
        )
        for a, b, w in links
    )
    return Picture(WIDTH, height, tuple(nodes), edges)


def label_width(line: str) -> float:
    """A line of a label as wide as it may be drawn: room for the reader's text spacing is kept
    even without it, since a label that outgrows its room runs into its neighbour's."""
    return len(line) * (CHAR + LETTER_SPACING) + line.count(" ") * WORD_SPACING


def joins(chart: Chart, language: str) -> tuple[Joins, ...]:
    """Each drawn term and the ones its lines join it to, both A to Z: the drawing's lines are
    hidden from screen readers, and a reader who cannot see them learns from this list which
    terms they join. Made from the chart alone, so it lists exactly the lines drawn and the
    page's key covers it. A graph of categories has its table instead."""
    if chart.kind != "term":
        return ()
    ends: list[set[int]] = [set() for _ in chart.spots]
    for a, b, _ in chart.edges:
        if a != b:
            ends[a].add(b)
            ends[b].add(a)
    order = a_to_z(chart.spots, language)
    rank = {spot: n for n, spot in enumerate(order)}
    return tuple(
        Joins(chart.spots[i], tuple(chart.spots[j] for j in sorted(ends[i], key=rank.__getitem__)))
        for i in order
    )


def a_to_z(spots: tuple[Spot, ...], language: str) -> list[int]:
    """The places of `spots` in the order of the site's A to Z."""
    return sorted(range(len(spots)), key=lambda i: filed_key(spots[i].title, spots[i].sort_as, language))


def graph_view(chart: Chart, labels: Mapping[str, str], language: str) -> dict[str, Any]:
    links = sum(w for _, _, w in chart.edges)
    nodes = _count(labels, len(chart.spots), chart.kind)
    drawn = picture(chart)
    # Tab follows the nodes' order in the page: A to Z, as "Lines in the graph" lists them, not
    # the layout's order (by category), which leapt about the picture. Nodes and their labels
    # are kept apart (graph_layout.separate), so the order they are painted in does not show.
    drawn = drawn._replace(nodes=tuple(drawn.nodes[i] for i in a_to_z(chart.spots, language)))
    return {
        "title": chart.title,
        "description": theme_labels.say(labels, "graph_description", title=chart.title, nodes=nodes),
        "chart": chart,
        "picture": drawn,
        "skippable": len(chart.spots) >= SKIP_FROM,
        "joins": joins(chart, language),
        "links": links,
        "links_text": _count(labels, links, "link"),
        "nodes_text": nodes,
    }
