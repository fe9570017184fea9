"""neighbourhood: the term graph of a term page, from its record alone, laid out the same way every time."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from glossary_site import labels
from glossary_site import neighbourhood as nb
from glossary_site.model import Face
from glossary_site.term_page import TermPage

ENGLISH = labels.defaults()


def face(slug: str, title: str | None = None) -> Face:
    return Face(slug, title or slug.replace("-", " ").capitalize(), f"About {slug}.")


def record(
    related: tuple[Face, ...] = (),
    links: tuple[Face | None, ...] = (),
    backlinks: tuple[Face, ...] = (),
) -> TermPage:
    return TermPage(
        slug="centre",
        source="0" * 64,
        file="content/terms/centre.md",
        links=links,
        related=related,
        backlinks=backlinks,
        category=None,
        tags=(),
        cta=None,
        autolinked="",
    )


def kinds_of(graph: nb.Graph) -> dict[str, tuple[str, ...]]:
    return {node.slug: node.kinds for node in graph.nodes}


def test_a_term_without_neighbours_has_no_graph() -> None:
    assert nb.neighbourhood(record(), "Centre", ENGLISH, "en") is None
    assert nb.neighbourhood(record(links=(None, face("tool:midjourney"))), "Centre", ENGLISH, "en") is None


def test_each_neighbour_appears_once_with_every_kind_it_has() -> None:
    page = record(
        related=(face("both"), face("only-related")),
        links=(face("both"), None, face("linked"), face("tool:cursor"), face("linked"), face("centre")),
        backlinks=(face("both"), face("backlink")),
    )
    graph = nb.neighbourhood(page, "Centre", ENGLISH, "en")
    assert graph is not None
    assert kinds_of(graph) == {
        "both": (nb.RELATED, nb.LINKS_TO, nb.LINKED_FROM),
        "only-related": (nb.RELATED,),
        "linked": (nb.LINKS_TO,),
        "backlink": (nb.LINKED_FROM,),
    }, "no tools, no unlinked text, no link to itself, no duplicates"
    assert [node.slug for node in graph.nodes] == ["both", "only-related", "backlink", "linked"]
    assert [key.name for key in graph.legend] == ["related", "links to", "linked from"]
    assert graph.more == 0
    edges = [(edge.slug, edge.kind) for edge in graph.edges]
    assert edges == [(node.slug, kind) for node in graph.nodes for kind in node.kinds], "one line per kind"
    assert next(n for n in graph.nodes if n.slug == "both").says == "related, links to, linked from"


def test_nodes_link_to_their_terms_and_keep_the_full_title() -> None:
    title = "Reinforcement learning from human feedback"
    graph = nb.neighbourhood(record(related=(face("rlhf", title),)), "Centre", ENGLISH, "en")
    assert graph is not None
    (node,) = graph.nodes
    assert node.href == "../rlhf/index.html"
    assert node.title == title
    lines = [line.text for line in node.label.lines]
    assert lines == ["Reinforcement", "learning from\u2026"]
    assert all(len(line) <= nb.LINE for line in lines)


def test_the_legend_lists_only_the_kinds_drawn() -> None:
    graph = nb.neighbourhood(record(backlinks=(face("a"),)), "Centre", ENGLISH, "en")
    assert graph is not None
    assert [key.kind for key in graph.legend] == [nb.LINKED_FROM]


def test_the_ring_is_capped_related_first_then_backlinks_then_links_then_by_title() -> None:
    related = tuple(face(f"r{n:02}", f"Related {chr(ord('z') - n)}") for n in range(5))
    links = tuple(face(f"l{n:02}") for n in range(8))
    backlinks = tuple(face(f"b{n:02}") for n in range(6))
    graph = nb.neighbourhood(record(related, links, backlinks), "Centre", ENGLISH, "en")
    assert graph is not None
    assert len(graph.nodes) == nb.MAX_NEIGHBOURS == 14
    assert graph.more == 19 - 14
    slugs = [node.slug for node in graph.nodes]
    assert slugs[:5] == ["r04", "r03", "r02", "r01", "r00"], "related terms by title"
    assert slugs[5:11] == [f"b{n:02}" for n in range(6)], "the body shows its own links: they come last"
    assert slugs[11:] == ["l00", "l01", "l02"]


def test_a_link_that_also_links_back_ranks_as_a_backlink() -> None:
    graph = nb.neighbourhood(record(links=(face("a"), face("z"))), "Centre", ENGLISH, "en")
    assert graph is not None
    both = nb.neighbourhood(
        record(links=(face("a"), face("z")), backlinks=(face("z"),)), "Centre", ENGLISH, "en"
    )
    assert both is not None
    assert [n.slug for n in graph.nodes] == ["a", "z"]
    assert [n.slug for n in both.nodes] == ["z", "a"]
    assert both.nodes[0].kinds == (nb.LINKS_TO, nb.LINKED_FROM)


def labels_overlap(one: nb.Node, other: nb.Node) -> bool:
    def box(node: nb.Node) -> tuple[float, float, float, float]:
        width = max(len(line.text) for line in node.label.lines) * nb.LABEL_CHAR
        x = node.label.lines[0].x
        left = {"start": x, "middle": x - width / 2, "end": x - width}[node.label.anchor]
        return left, node.label.lines[0].y - 9, left + width, node.label.lines[-1].y + 3

    a, b = box(one), box(other)
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("count", range(1, nb.MAX_NEIGHBOURS + 1))
def test_no_two_labels_overlap(count: int) -> None:
    neighbours = tuple(face(f"t{n:02}", "Generative adversarial network") for n in range(count))
    graph = nb.neighbourhood(record(related=neighbours), "Centre", ENGLISH, "en")
    assert graph is not None
    clashes = [
        (a.slug, b.slug)
        for i, a in enumerate(graph.nodes)
        for b in graph.nodes[i + 1 :]
        if labels_overlap(a, b)
    ]
    assert clashes == []


def test_the_layout_is_the_same_for_the_same_record() -> None:
    page = record(related=(face("a"), face("b")), links=(face("c"),), backlinks=(face("d"), face("a")))
    copy = dataclasses.replace(page, related=tuple(Face(*f) for f in page.related))
    one, other = (
        nb.neighbourhood(page, "Centre", ENGLISH, "en"),
        nb.neighbourhood(copy, "Centre", ENGLISH, "en"),
    )
    assert one is not None and other is not None
    assert (one.drawing, one.nodes, one.edges, one.legend) == (
        other.drawing,
        other.nodes,
        other.edges,
        other.legend,
    )


def test_the_drawing_draws_the_nodes_and_edges_it_describes() -> None:
    page = record(related=(face("a"), face("b")), links=(face("c"),), backlinks=(face("d"), face("a")))
    graph = nb.neighbourhood(page, "Centre", ENGLISH, "en")
    assert graph is not None
    svg = BeautifulSoup(f"<svg>{graph.drawing}</svg>", "html.parser")
    links = svg.select("a.graph-node")
    # the links A to Z, the order Tab visits them in; the ring (`nodes`) goes by kind
    nodes = sorted(graph.nodes, key=lambda n: n.title)
    assert [n.title for n in graph.nodes] == ["A", "B", "D", "C"]
    assert [(a["href"], a["aria-label"]) for a in links] == [(n.href, n.title) for n in nodes]
    assert [(c["cx"], c["cy"]) for c in svg.select("a.graph-node circle")] == [
        (str(n.x), str(n.y)) for n in nodes
    ]
    for link, node in zip(links, nodes, strict=True):
        spans = link.select("text tspan")
        assert [(s.get_text(), s["x"], s["y"]) for s in spans] == [
            (line.text, str(line.x), str(line.y)) for line in node.label.lines
        ]
    segments = {path["class"][1]: path["d"] for path in svg.select("path.graph-edge")}
    for kind in {edge.kind for edge in graph.edges}:
        drawn = "".join(f"M{e.x1} {e.y1}L{e.x2} {e.y2}" for e in graph.edges if e.kind == kind)
        assert segments[f"graph-{kind}"] == drawn


def coordinates(graph: nb.Graph) -> list[float]:
    found: list[float] = []
    for node in graph.nodes:
        found += [node.x, node.y, *(v for line in node.label.lines for v in (line.x, line.y))]
    for edge in graph.edges:
        found += [edge.x1, edge.y1, edge.x2, edge.y2]
    centre = graph.centre
    found += [centre.box_x, centre.box_y, centre.box_x + centre.box_width, centre.box_y + centre.box_height]
    return found


@pytest.mark.parametrize("count", [1, 2, 3, 5, 8, 12, 14, 20])
def test_every_coordinate_is_rounded_and_inside_the_view_box(count: int) -> None:
    neighbours = tuple(face(f"term-{n}", "Generative adversarial network") for n in range(count))
    graph = nb.neighbourhood(
        record(related=neighbours), "Reinforcement learning from human feedback", ENGLISH, "en"
    )
    assert graph is not None
    for value in coordinates(graph):
        assert value == round(value, 1)
    for node in graph.nodes:
        assert 0 < node.x < graph.width and 0 < node.y < graph.height
        for line in node.label.lines:
            assert line.y - 10 > 0 and line.y + 3 < graph.height, "a line's text stays inside"
            width = len(line.text) * nb.LABEL_CHAR
            left = {"start": line.x, "middle": line.x - width / 2, "end": line.x - width}[node.label.anchor]
            assert left >= 0 and left + width <= graph.width, (line, node.label.anchor)
    for edge in graph.edges:
        assert all(0 <= v <= max(graph.width, graph.height) for v in (edge.x1, edge.y1, edge.x2, edge.y2))


def test_the_centre_clears_the_nodes_beside_it() -> None:
    graph = nb.neighbourhood(
        record(related=tuple(face(f"t{n}") for n in range(12))), "Generative AI", ENGLISH, "en"
    )
    assert graph is not None
    centre = graph.centre
    assert [line.text for line in centre.label.lines] == ["Generative", "AI"]
    nearest = min(abs(node.x - nb.CENTRE_X) for node in graph.nodes if abs(node.y - nb.CENTRE_Y) < 20)
    assert centre.box_width / 2 < nearest - nb.NODE_RADIUS
