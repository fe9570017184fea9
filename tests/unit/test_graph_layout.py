"""The whole-glossary graph: which pages there are, what each draws, and a picture that is the
same every time, stays inside its frame and has no label over another."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from glossary_site import graph, graph_page, labels
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.graph_page import Chart
from glossary_site.link_graph import LinkGraph
from glossary_site.model import PageJob, Ref, TermSource

MakeTerm = Callable[..., TermSource]


class Recorder:
    """Stands in for pages.SitePages: keeps each graph page's record."""

    def __init__(self) -> None:
        self.charts: dict[str, Chart] = {}

    def record_job(
        self, template: str, path: str, record: object, view: Callable[[], dict[str, Any]]
    ) -> PageJob:
        assert isinstance(record, Chart)
        self.charts[path] = record
        return PageJob(path, "", lambda: b"")


def charts(terms: Sequence[TermSource], config: SiteConfig) -> dict[str, Chart]:
    diagnostics = Diagnostics()
    glossary = graph.build_glossary(terms, config, diagnostics)
    glossary = graph.add_backlinks(glossary, {}, diagnostics)
    assert not diagnostics.errors
    recorder = Recorder()
    jobs = graph_page.graph_jobs(
        recorder, glossary, LinkGraph.of(glossary, {}), labels.defaults(), config.language
    )
    assert [job.path for job in jobs] == graph_page.graph_paths(glossary), "the sitemap lists each page"
    return recorder.charts


def related(*slugs: str) -> tuple[Ref, ...]:
    return tuple(Ref(slug, 5) for slug in slugs)


def test_a_small_glossary_draws_every_term_on_one_page(make_term: MakeTerm, site_config: SiteConfig) -> None:
    terms = [
        make_term("kiln", category="Firing", related=related("glaze", "cone")),
        make_term("glaze", category="Surface", related=related("kiln")),
        make_term("cone", category="Firing"),
        make_term("slip", category="Surface"),
    ]
    found = charts(terms, site_config)

    assert list(found) == ["graph/index.html"]
    chart = found["graph/index.html"]
    assert chart.kind == "term"
    assert sorted(spot.title for spot in chart.spots) == ["Cone", "Glaze", "Kiln", "Slip"]
    assert {spot.href for spot in chart.spots} >= {"../terms/kiln/index.html", "../terms/slip/index.html"}
    names = {i: spot.title for i, spot in enumerate(chart.spots)}
    drawn = {frozenset((names[a], names[b])): weight for a, b, weight in chart.edges}
    assert drawn == {frozenset(("Kiln", "Glaze")): 2, frozenset(("Kiln", "Cone")): 1}, (
        "each pair once, both ways counted"
    )
    kiln = next(spot for spot in chart.spots if spot.title == "Kiln")
    assert (kiln.size, kiln.says) == (3, "3 links")


def test_a_glossary_too_big_for_one_picture_draws_its_categories(
    make_term: MakeTerm, site_config: SiteConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graph_page, "ALL_TERMS", 4)
    monkeypatch.setattr(graph_page, "CATEGORY_TERMS", 2)
    terms = [
        make_term("kiln", category="Firing", related=related("cone", "glaze")),
        make_term("cone", category="Firing", related=related("kiln")),
        make_term("pyrometer", category="Firing"),
        make_term("glaze", category="Surface", related=related("slip", "cone")),
        make_term("slip", category="Surface"),
        make_term("wedging"),  # no category
    ]
    found = charts(terms, site_config)

    assert list(found) == ["graph/index.html", "graph/firing/index.html", "graph/surface/index.html"]
    overview = found["graph/index.html"]
    assert overview.kind == "category"
    assert [(s.title, s.href, s.size) for s in overview.spots] == [
        ("Firing", "firing/index.html", 3),
        ("Surface", "surface/index.html", 2),
    ]
    assert overview.edges == ((0, 1, 2),), "glaze links to cone, kiln to glaze"
    assert overview.left_out == 1, "the term with no category"
    assert overview.table == (
        ("Firing", "firing/index.html", 3, 2, 2),
        ("Surface", "surface/index.html", 2, 1, 2),
    )

    firing = found["graph/firing/index.html"]
    assert [s.title for s in firing.spots] == ["Cone", "Kiln"], "the most linked within the category"
    assert firing.edges == ((0, 1, 2),), "kiln and cone relate to each other"
    assert firing.spots[0].href == "../../terms/cone/index.html"
    assert (firing.left_out, firing.name, firing.listing) == (
        1,
        "Firing",
        "../../categories/firing/index.html",
    )
    assert firing.table == (("Surface", "../surface/index.html", 2, 0, 2),)


def test_no_terms_no_graph_page(site_config: SiteConfig) -> None:
    assert charts([], site_config) == {}


def random_chart(count: int, seed: int) -> Chart:
    rng = random.Random(seed)
    spots = tuple(
        graph_page.Spot(f"Term {i} " + "word " * rng.randrange(0, 4), f"t{i}.html", rng.randrange(0, 9), "")
        for i in range(count)
    )
    pairs = [sorted(rng.sample(range(count), 2)) for _ in range(count * 2 if count > 1 else 0)]
    edges = sorted({(a, b, 1) for a, b in pairs})
    return Chart("Graph", spots, tuple(edges), "term")


@pytest.mark.parametrize(("count", "seed"), [(1, 1), (2, 1), (12, 3), (40, 7), (100, 11)])
def test_the_picture_stays_in_its_frame_with_no_label_over_another(count: int, seed: int) -> None:
    picture = graph_page.picture(random_chart(count, seed))
    boxes = []
    for node in picture.nodes:
        widest = max(graph_page.label_width(line.text) for line in node.lines)
        top, bottom = node.y - node.r, node.lines[-1].y + 3
        left, right = node.x - max(node.r, widest / 2), node.x + max(node.r, widest / 2)
        assert left >= 0 and right <= picture.width and top >= 0 and bottom <= picture.height, node.title
        boxes.append((left, top, right, bottom, node.title))
    for i, (l1, t1, r1, b1, name) in enumerate(boxes):
        for l2, t2, r2, b2, other in boxes[i + 1 :]:
            assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, f"{name} overlaps {other}"


@pytest.mark.parametrize("lone", [1, 3, 12])
def test_terms_with_no_line_leave_the_joined_ones_the_width_of_the_frame(lone: int) -> None:
    """Was: every other node pushed a term with no line to the frame's edge, and fitting that
    spread into the frame packed the 39 joined terms into its other third."""
    chart = random_chart(40, 7)
    joined = 40 - lone
    ring = tuple((i, (i + 1) % joined, 1) for i in range(joined)) + tuple(
        (i, i + 5, 1) for i in range(0, joined - 5, 4)
    )
    picture = graph_page.picture(chart._replace(edges=tuple(sorted(ring))))
    xs = [node.x for node in picture.nodes[:joined]]
    assert max(xs) - min(xs) > 0.75 * picture.width
    assert all(node.y > max(n.y for n in picture.nodes[:joined]) for node in picture.nodes[joined:])


def test_the_same_chart_gives_the_same_picture() -> None:
    chart = random_chart(60, 5)
    assert graph_page.picture(chart) == graph_page.picture(chart)
    assert graph_page.picture(chart) == graph_page.picture(Chart(*chart))


def test_edges_join_the_nodes_they_name_and_thickness_follows_links() -> None:
    chart = random_chart(10, 2)._replace(edges=((0, 1, 1), (1, 2, 2)))
    picture = graph_page.picture(chart)
    first, second = picture.edges
    assert (first.x1, first.y1, first.x2, first.y2) == (
        picture.nodes[0].x, picture.nodes[0].y, picture.nodes[1].x, picture.nodes[1].y,
    )  # fmt: skip
    assert (first.weight, second.weight) == (1, 2), "one link, or one each way"
    categories = chart._replace(kind="category", edges=((0, 1, 10), (1, 2, 1000)))
    assert [edge.weight for edge in graph_page.picture(categories).edges] == [1, 4]
