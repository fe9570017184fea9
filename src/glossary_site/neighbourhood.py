"""A term's neighbourhood as a picture: the term in the centre, the terms around it on a ring.

Everything is computed from the page record, so the page's key covers the picture, and the
layout is a fixed function of each neighbour's place in the order (no force simulation, no
randomness): the same record gives the same bytes on any machine and with any --jobs.
Coordinates are rounded to one decimal so the SVG stays short and float noise never shows.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Mapping
from typing import NamedTuple, Protocol

from markupsafe import Markup

from glossary_site.a_to_z import a_to_z_key
from glossary_site.labels import fill
from glossary_site.model import Face
from glossary_site.tools import PREFIX as TOOL


class TermPage(Protocol):
    """What the picture needs of a term page's record (term_page.TermPage)."""

    @property
    def slug(self) -> str: ...
    @property
    def related(self) -> tuple[Face, ...]: ...
    @property
    def links(self) -> tuple[Face | None, ...]: ...
    @property
    def backlinks(self) -> tuple[Face, ...]: ...


RELATED = "related"
LINKS_TO = "links-to"
LINKED_FROM = "linked-from"
#: The legend's order.
KINDS = (RELATED, LINKS_TO, LINKED_FROM)
#: The ring's order: a neighbour ranks by the first of its kinds here. The terms that link
#: here come before those the body links to because the body already shows its own links,
#: while the terms linking here are otherwise only a list further down the side column.
RANK = (RELATED, LINKED_FROM, LINKS_TO)
#: The label of each kind's name, as the legend and each neighbour's tooltip say it.
KIND_LABELS = {RELATED: "legend_related", LINKS_TO: "legend_links_to", LINKED_FROM: "legend_linked_from"}
#: Each kind and its name in the site's words; a tuple, so that what is said of kinds is cached.
KindNames = tuple[tuple[str, str], ...]


class Said(NamedTuple):
    """The site's words for the picture: each kind's name, the separator between a neighbour's
    kinds (the label list_separator) and its tooltip (graph_node_title); hashable, so that what
    is said of kinds is cached."""

    names: KindNames
    separator: str
    node_title: str


#: More than this and the two-line labels beside the ring would collide.
MAX_NEIGHBOURS = 14
#: A label is at most two lines of this many characters (the side column is about 18rem).
LINE = 14
#: The centre's label is narrower: it must clear the nodes left and right of it.
CENTRE_LINE = 11
WIDTH = 316
HEIGHT = 304
CENTRE_X = 158.0
CENTRE_Y = 152.0
#: The ring is a tall ellipse: the labels beside the left and right nodes need the width.
RADIUS_X = 54.0
RADIUS_Y = 116.0
NODE_RADIUS = 6.0
#: Space between the parallel lines of a neighbour with several kinds.
LANE = 4.0
#: Label geometry in viewBox units (the text is 11 units high; see style.css).
LINE_HEIGHT = 13.0
GAP = 9.0
#: Average character widths at 11 units: a node's label (weight 500; a 14-character line
#: measured at most 92 units in Chromium) and the centre's bolder one, for its pill.
LABEL_CHAR = 6.6
CENTRE_CHAR = 7.0
#: Only a node straight up or down is labelled above or below; the rest beside (two nodes
#: either side of the bottom would share the space under the ring).
UPRIGHT = 0.1


class Line(NamedTuple):
    text: str
    x: float
    y: float


class Edge(NamedTuple):
    slug: str
    kind: str
    x1: float
    y1: float
    x2: float
    y2: float


class Label(NamedTuple):
    """A title as drawn: one or two lines, cut with an ellipsis when long (links keep the title)."""

    lines: tuple[Line, ...]
    #: "start", "middle" or "end": labels beside a node grow away from the ring.
    anchor: str


class Node(NamedTuple):
    slug: str
    title: str
    href: str
    kinds: tuple[str, ...]
    #: The kinds in words ("related, links to"), for the link's tooltip and description.
    says: str
    x: float
    y: float
    label: Label


class Centre(NamedTuple):
    title: str
    label: Label
    #: The pill behind the label.
    box_x: float
    box_y: float
    box_width: float
    box_height: float


class Key(NamedTuple):
    kind: str
    name: str


class Graph:
    """The picture: `drawing` is its SVG elements, ready to place; `nodes` and `edges` are the
    same as data, made only if a theme asks for them (every term page has a picture, and a
    build of 10,000 pages would otherwise make them all for nothing)."""

    width = WIDTH
    height = HEIGHT

    def __init__(
        self, shown: list[tuple[Face, tuple[str, ...]]], title: str, more: int, said: Said, language: str
    ) -> None:
        self._shown = shown
        self._said = said
        self.centre = _centre(title)
        drawn = {kind for _, kinds in shown for kind in kinds}
        #: The kinds drawn, in legend order (that of KINDS, which `said.names` follows).
        self.legend = tuple(Key(kind, name) for kind, name in said.names if kind in drawn)
        #: Neighbours left off the ring.
        self.more = more
        self.drawing = _drawing(self.centre, shown, said, _a_to_z(shown, language))

    @functools.cached_property
    def nodes(self) -> tuple[Node, ...]:
        count = len(self._shown)
        return tuple(
            _node(face, kinds, index, count, self._said) for index, (face, kinds) in enumerate(self._shown)
        )

    @functools.cached_property
    def edges(self) -> tuple[Edge, ...]:
        return tuple(edge for node in self.nodes for edge in _edges(node))


def neighbourhood(page: TermPage, title: str, said: Mapping[str, str], language: str) -> Graph | None:
    """The picture of `page`'s term (titled `title`), or None when it has no neighbours; the
    kinds named in the site's words `said` (its labels), the nodes' links A to Z in `language`."""
    found = _neighbours(page)
    if not found:
        return None
    shown = found[:MAX_NEIGHBOURS]
    names = tuple((kind, said[label]) for kind, label in KIND_LABELS.items())
    words = Said(names, said["list_separator"], said["graph_node_title"])
    return Graph(shown, title, len(found) - len(shown), words, language)


def _a_to_z(shown: list[tuple[Face, tuple[str, ...]]], language: str) -> list[int]:
    """The neighbours' places on the ring, in the order of their titles A to Z: the order of
    their links, so that Tab visits them as the site lists terms; round the ring they go by
    kind, and the same look with Tab leaping about it meant nothing to a reader."""
    return sorted(
        range(len(shown)), key=lambda i: (*a_to_z_key(shown[i][0].title, language), shown[i][0].slug)
    )


def _drawing(
    centre: Centre, shown: list[tuple[Face, tuple[str, ...]]], said: Said, order: list[int]
) -> Markup:
    """The SVG elements of the picture: lines, the centre, then a link per node, in `order`.

    Written here rather than in partials/graph.html because every term page draws one: in a
    template the hundreds of small values cost more than the rest of the page's graph work
    (bench/graph_cost.py). Each place on the ring is written once (writing floats is slow)
    and each neighbour's link once per process.
    """
    count = len(shown)
    paths: dict[str, list[str]] = {kind: [] for kind in KINDS}
    nodes = []
    for index in order:
        face, kinds = shown[index]
        for kind, segment in zip(kinds, _place(index, count, len(kinds)), strict=True):
            paths[kind].append(segment)
        lines = wrap(face.title, LINE)
        circle, anchor, spans = _marks(index, count, len(lines))
        text = "".join(f"{span}{_escape(line)}</tspan>" for span, line in zip(spans, lines, strict=True))
        link = _link(f"../{face.slug}/index.html", face.title, _says(kinds, said), said.node_title)
        nodes.append(f'{link}{circle}<text text-anchor="{anchor}" aria-hidden="true">{text}</text></a>')
    parts = ['<g class="graph-edges" aria-hidden="true">']
    parts += [f'<path class="graph-edge graph-{kind}" d="{"".join(d)}"/>' for kind, d in paths.items() if d]
    parts.append(
        f'</g><g class="graph-centre" aria-hidden="true"><rect x="{centre.box_x}" y="{centre.box_y}" '
        f'width="{centre.box_width}" height="{centre.box_height}" rx="12"/>{_text(centre.label)}</g>'
    )
    return Markup("\n".join(parts + nodes))


@functools.cache
def _place(index: int, count: int, kinds: int) -> tuple[str, ...]:
    """The path data of each line to the place `index` of `count`, for a neighbour of `kinds` kinds."""
    x, y, *_ = _slot(index, count, 1)
    return tuple(f"M{x1} {y1}L{x2} {y2}" for x1, y1, x2, y2 in _lanes(x, y, kinds))


@functools.cache
def _marks(index: int, count: int, lines: int) -> tuple[str, str, tuple[str, ...]]:
    """The circle, the label's anchor and its lines' opening tags at a place on the ring."""
    x, y, anchor, label_x, ys = _slot(index, count, lines)
    circle = f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS:g}"/>'
    return circle, anchor, tuple(f'<tspan x="{label_x}" y="{line_y}">' for line_y in ys)


def _text(label: Label) -> str:
    lines = "".join(f'<tspan x="{line.x}" y="{line.y}">{_escape(line.text)}</tspan>' for line in label.lines)
    return f'<text text-anchor="{label.anchor}">{lines}</text>'


@functools.cache
def _link(href: str, title: str, says: str, node_title: str) -> str:
    """A neighbour's link: the same on every page that shows it with the same kinds. The kinds
    and the tooltip's words are the site's labels, text from site.yml like the title, so all
    are escaped."""
    name, tooltip = _escape(title), _escape(fill(node_title, {"name": title, "about": says}))
    return f'<a class="graph-node" href="{_escape(href)}" aria-label="{name}"><title>{tooltip}</title>'


_escape = functools.cache(html.escape)


def _neighbours(page: TermPage) -> list[tuple[Face, tuple[str, ...]]]:
    """Each neighbour once with all its kinds (in legend order), in RANK order, then by title."""
    kinds: dict[str, list[str]] = {}
    faces: dict[str, Face] = {}
    sources = (
        (RELATED, page.related),
        (LINKS_TO, tuple(f for f in page.links if f and not f.slug.startswith(TOOL))),
        (LINKED_FROM, page.backlinks),
    )
    for kind, group in sources:
        for face in group:
            if face.slug == page.slug:
                continue
            faces.setdefault(face.slug, face)
            have = kinds.setdefault(face.slug, [])
            if kind not in have:
                have.append(kind)
    order = sorted(faces, key=lambda s: (min(RANK.index(k) for k in kinds[s]), faces[s].title.casefold(), s))
    return [(faces[slug], tuple(kinds[slug])) for slug in order]


def _node(face: Face, kinds: tuple[str, ...], index: int, count: int, said: Said) -> Node:
    lines = wrap(face.title, LINE)
    x, y, anchor, label_x, ys = _slot(index, count, len(lines))
    label = Label(tuple(Line(text, label_x, line_y) for text, line_y in zip(lines, ys, strict=False)), anchor)
    return Node(face.slug, face.title, f"../{face.slug}/index.html", kinds, _says(kinds, said), x, y, label)


@functools.cache
def _says(kinds: tuple[str, ...], said: Said) -> str:
    """The kinds in words, "related, links to"."""
    named = dict(said.names)
    return said.separator.join(named[kind] for kind in kinds)


@functools.cache
def _slot(index: int, count: int, lines: int) -> tuple[float, float, str, float, tuple[float, ...]]:
    """A place on the ring and its label's (anchor, x, each line's y): the same for every page
    with as many neighbours, so worked out once."""
    angle = 2 * math.pi * index / count - math.pi / 2  # the first neighbour at the top
    cos, sin = math.cos(angle), math.sin(angle)
    x = round(CENTRE_X + RADIUS_X * cos, 1)
    y = round(CENTRE_Y + RADIUS_Y * sin, 1)
    if abs(cos) < UPRIGHT:  # above the top nodes, below the bottom ones
        first = y - GAP - 1 - LINE_HEIGHT * (lines - 1) if sin < 0 else y + GAP + 9
        anchor, label_x = "middle", x
    else:  # beside, centred on the node
        side = 1 if cos > 0 else -1
        first = y + 4 - LINE_HEIGHT * (lines - 1) / 2
        anchor, label_x = ("start" if side > 0 else "end"), round(x + side * GAP, 1)
    return x, y, anchor, label_x, tuple(round(first + LINE_HEIGHT * n, 1) for n in range(lines))


def _centre(title: str) -> Centre:
    lines = wrap(title, CENTRE_LINE)
    height = LINE_HEIGHT * len(lines) + 11
    width = max(len(line) for line in lines) * CENTRE_CHAR + 12
    first = CENTRE_Y + 4 - LINE_HEIGHT * (len(lines) - 1) / 2
    return Centre(
        title,
        _label(lines, CENTRE_X, first, "middle"),
        round(CENTRE_X - width / 2, 1),
        round(CENTRE_Y - height / 2, 1),
        round(width, 1),
        round(height, 1),
    )


def _label(lines: tuple[str, ...], x: float, first: float, anchor: str) -> Label:
    return Label(
        tuple(Line(text, round(x, 1), round(first + LINE_HEIGHT * n, 1)) for n, text in enumerate(lines)),
        anchor,
    )


def _edges(node: Node) -> list[Edge]:
    return [
        Edge(node.slug, kind, *ends)
        for kind, ends in zip(node.kinds, _lanes(node.x, node.y, len(node.kinds)), strict=True)
    ]


@functools.cache
def _lanes(x: float, y: float, lanes: int) -> tuple[tuple[float, float, float, float], ...]:
    """One line per kind from the centre to the node's rim, side by side when there are several."""
    dx, dy = x - CENTRE_X, y - CENTRE_Y
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    end = length - NODE_RADIUS
    found = []
    for lane in range(lanes):
        offset = (lane - (lanes - 1) / 2) * LANE
        ox, oy = -uy * offset, ux * offset
        found.append(
            (
                round(CENTRE_X + ox, 1),
                round(CENTRE_Y + oy, 1),
                round(CENTRE_X + ux * end + ox, 1),
                round(CENTRE_Y + uy * end + oy, 1),
            )
        )
    return tuple(found)


@functools.cache
def wrap(title: str, width: int) -> tuple[str, ...]:
    """The title in at most two lines of `width` characters, broken between words where it can
    be and cut with an ellipsis where it must."""
    words = title.split()
    first = ""
    while words and len(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one word longer than a line: cut it there
        return (_cut(title, width),)
    rest = " ".join(words)
    return (first, _cut(rest, width)) if rest else (first,)


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "\u2026"
