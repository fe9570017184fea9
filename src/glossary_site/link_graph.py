"""The shape of the term graph for editors: islands, isolated terms, the most linked-to
terms, and an export other tools open (JSON for networkx, GraphML for Gephi).

An edge is a `related` entry or a wiki-link between two published terms. An island is a group
of terms linked among themselves that no term outside the group links to or from: readers
who start elsewhere never reach it.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from glossary_site.diagnostics import Diagnostics
from glossary_site.model import Glossary

MOST_LINKED = 5


class Edge(NamedTuple):
    """A NamedTuple: a build makes one per link, 50,000 at 10,000 terms."""

    source: str
    target: str
    kind: str  # "related" or "links to"


@dataclass(frozen=True)
class LinkGraph:
    terms: tuple[str, ...]
    edges: tuple[Edge, ...]
    #: Each island's members in title order; the largest group of terms is not an island.
    islands: tuple[tuple[str, ...], ...]
    #: Terms with no edge at all.
    isolated: tuple[str, ...]
    #: (slug, number of terms linking to it), most first.
    most_linked: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, glossary: Glossary, links: Mapping[str, Iterable[str]]) -> LinkGraph:
        return cls._of_edges(glossary, _edges(glossary, links))

    def reordered(self, glossary: Glossary) -> LinkGraph:
        """The same graph with its groups in the glossary's new title order, after a title
        changed, which moves no edge (none of the uses of the edges depends on their order);
        the pair counts go along."""
        graph = self._of_edges(glossary, self.edges)
        graph.__dict__.update(
            (name, self.__dict__[name]) for name in ("pairs", "degrees") if name in self.__dict__
        )
        return graph

    @functools.cached_property
    def pairs(self) -> Counter[tuple[str, str]]:
        """Links between two terms in either direction, each pair once (its slugs in order).
        Kept with the graph: serve makes the graph pages again on many saves that change no link."""
        return Counter(
            (e.source, e.target) if e.source < e.target else (e.target, e.source) for e in self.edges
        )

    @functools.cached_property
    def degrees(self) -> Counter[str]:
        """Each term's links in either direction, counted by pair."""
        degrees: Counter[str] = Counter()
        for (a, b), count in self.pairs.items():
            degrees[a] += count
            degrees[b] += count
        return degrees

    @classmethod
    def _of_edges(cls, glossary: Glossary, edges: tuple[Edge, ...]) -> LinkGraph:
        groups = _components(glossary, edges)
        isolated = tuple(group[0] for group in groups if len(group) == 1)
        islands = tuple(group for group in groups[1:] if len(group) > 1)
        incoming = {slug: len(glossary.backlinks[slug]) for slug in glossary.terms}
        ranked = sorted((slug for slug in glossary.terms if incoming[slug]), key=lambda s: -incoming[s])
        most = tuple((slug, incoming[slug]) for slug in ranked[:MOST_LINKED])
        return cls(tuple(glossary.terms), edges, islands, isolated, most)


def _edges(glossary: Glossary, links: Mapping[str, Iterable[str]]) -> tuple[Edge, ...]:
    found: dict[tuple[str, str], Edge] = {}
    for slug in glossary.terms:
        for kind, targets in (("related", glossary.related[slug]), ("links to", links.get(slug, ()))):
            for target in targets:
                if target != slug and target in glossary.terms and (slug, target) not in found:
                    found[slug, target] = Edge(slug, target, kind)
    return tuple(found.values())


def _components(glossary: Glossary, edges: tuple[Edge, ...]) -> list[tuple[str, ...]]:
    """Groups of terms joined by edges in either direction, largest first, members in title
    order (ties: the group whose first member comes first A to Z)."""
    parent = {slug: slug for slug in glossary.terms}

    def root(slug: str) -> str:
        while parent[slug] != slug:
            parent[slug] = parent[parent[slug]]
            slug = parent[slug]
        return slug

    for edge in edges:
        parent[root(edge.source)] = root(edge.target)
    groups: dict[str, list[str]] = {}
    for slug in glossary.terms:  # title order
        groups.setdefault(root(slug), []).append(slug)
    order = {slug: i for i, slug in enumerate(glossary.terms)}
    return sorted((tuple(g) for g in groups.values()), key=lambda g: (-len(g), order[g[0]]))


def check_islands(glossary: Glossary, graph: LinkGraph, diagnostics: Diagnostics) -> None:
    for island in graph.islands:
        first = glossary.terms[island[0]]
        names = ", ".join(glossary.terms[slug].title for slug in island)
        diagnostics.warning(
            first.path,
            1,
            f"island: {len(island)} terms link only among themselves and no other term links to them "
            f"({names}); link one of them from the rest of the glossary",
        )


def summary(glossary: Glossary, graph: LinkGraph) -> dict[str, object]:
    """What `glossary check` reports of the graph, as data (for --format json)."""
    title = {slug: term.title for slug, term in glossary.terms.items()}
    return {
        "terms": len(graph.terms),
        "links": len(graph.edges),
        "islands": [[title[slug] for slug in island] for island in graph.islands],
        "isolated": [title[slug] for slug in graph.isolated],
        "most_linked": [{"term": title[slug], "linked_from": count} for slug, count in graph.most_linked],
    }


def summary_line(data: dict[str, object]) -> str:
    most = data["most_linked"]
    assert isinstance(most, list)
    top = ", ".join(f"{item['term']} ({item['linked_from']})" for item in most)
    islands, isolated = data["islands"], data["isolated"]
    assert isinstance(islands, list) and isinstance(isolated, list)
    return (
        f"Graph: {data['terms']} terms, {data['links']} links, {len(islands)} island(s), "
        f"{len(isolated)} isolated term(s)" + (f"; most linked to: {top}" if top else "")
    )


def export(glossary: Glossary, graph: LinkGraph, graphml: bool) -> str:
    """The graph as node-link JSON or as GraphML. The JSON has "edges", the key networkx's
    node_link_graph reads by default since networkx 3.6 (3.4 and 3.5 take it with edges="edges")."""
    nodes = [
        {"id": slug, "title": term.title, "category": term.category or ""}
        for slug, term in glossary.terms.items()
    ]
    if not graphml:
        data = {
            "directed": True,
            "multigraph": False,
            "graph": {},
            "nodes": nodes,
            "edges": [{"source": e.source, "target": e.target, "kind": e.kind} for e in graph.edges],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    from xml.sax.saxutils import escape, quoteattr  # it imports urllib: 40 ms every build would pay

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="title" for="node" attr.name="title" attr.type="string"/>',
        '  <key id="category" for="node" attr.name="category" attr.type="string"/>',
        '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
        '  <graph id="glossary" edgedefault="directed">',
    ]
    for node in nodes:
        lines.append(
            f'    <node id={quoteattr(node["id"])}><data key="title">{escape(node["title"])}</data>'
            f'<data key="category">{escape(node["category"])}</data></node>'
        )
    for e in graph.edges:
        lines.append(
            f"    <edge source={quoteattr(e.source)} target={quoteattr(e.target)}>"
            f'<data key="kind">{escape(e.kind)}</data></edge>'
        )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
