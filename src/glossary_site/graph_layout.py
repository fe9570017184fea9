"""Where the nodes of a whole graph go: a force layout, then labels pushed apart.

The force layout is Fruchterman and Reingold's: every pair of nodes repels, every edge pulls
its ends together, and the steps shrink until the picture settles. It starts from a fixed
circle in the caller's order (so nodes the caller groups start together) and runs a fixed
number of steps with no randomness, so the same graph always gives the same picture. It is
quadratic in the nodes, which is why the graph page never lays out more than a few hundred.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

STEPS = 60
#: A pull toward the centre, so parts of the graph that nothing joins stay in the picture.
GRAVITY = 0.02


class Box(NamedTuple):
    """The room a node needs around its centre: half its width, above and below (its label)."""

    half_width: float
    above: float
    below: float


def place(
    count: int, edges: Sequence[tuple[int, int, float]], width: float, height: float, steps: int = STEPS
) -> list[tuple[float, float]]:
    """Positions for `count` nodes in a frame `width` wide and `height` high; an edge is (node, node, pull),
    the pull between 0 and 1."""
    if count == 0:
        return []
    cx, cy = width / 2, height / 2
    if count == 1:
        return [(cx, cy)]
    ideal = math.sqrt(width * height / count) * 0.8
    joined = sorted({end for a, b, _ in edges for end in (a, b)})
    if 0 < len(joined) < count:
        return _with_lone_nodes(count, joined, edges, width, height, ideal, steps)
    ideal2 = ideal * ideal
    xs = [cx + width * 0.4 * math.cos(2 * math.pi * i / count) for i in range(count)]
    ys = [cy + height * 0.4 * math.sin(2 * math.pi * i / count) for i in range(count)]
    heat = width / 8
    for step in range(steps):
        dx = [GRAVITY * (cx - x) * ideal / width * 8 for x in xs]
        dy = [GRAVITY * (cy - y) * ideal / height * 8 for y in ys]
        for i in range(count - 1):
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in range(i + 1, count):
                ddx, ddy = xi - xs[j], yi - ys[j]
                far = ddx * ddx + ddy * ddy
                if far < 0.01:  # two nodes on one spot: part them along a fixed direction
                    ddx, ddy, far = 0.1, 0.1 * (1 + i % 3), 0.02 * (1 + i % 3)
                push = ideal2 / far
                px, py = ddx * push, ddy * push
                fx += px
                fy += py
                dx[j] -= px
                dy[j] -= py
            dx[i] += fx
            dy[i] += fy
        for a, b, pull in edges:
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            force = math.sqrt(ddx * ddx + ddy * ddy) * pull / ideal
            dx[a] -= ddx * force
            dy[a] -= ddy * force
            dx[b] += ddx * force
            dy[b] += ddy * force
        limit = heat * (1 - step / steps) + 1
        for i in range(count):
            moved = math.hypot(dx[i], dy[i])
            scale = min(1.0, limit / moved) if moved else 0.0
            xs[i] += dx[i] * scale
            ys[i] += dy[i] * scale
    return list(zip(xs, ys, strict=True))


def _with_lone_nodes(
    count: int,
    joined: list[int],
    edges: Sequence[tuple[int, int, float]],
    width: float,
    height: float,
    ideal: float,
    steps: int,
) -> list[tuple[float, float]]:
    """The joined nodes laid out alone, the others in rows beneath them. In one layout every
    node pushes a node with no edge away and nothing holds it, so it ends at the frame's edge,
    and fitting the picture into the frame then squeezes the joined nodes into a corner."""
    index = {node: k for k, node in enumerate(joined)}
    inner = place(len(joined), [(index[a], index[b], pull) for a, b, pull in edges], width, height, steps)
    lone = [node for node in range(count) if node not in index]
    low, high = min(x for x, _ in inner), max(x for x, _ in inner)
    # fitting the picture into the frame shrinks it back: the gaps are ideal once fitted
    across = ideal * max(1.0, (high - low) / width)
    per_row = min(len(lone), 1 + int((high - low) / across))  # as many as fit under them
    gap = (high - low) / (per_row - 1) if per_row > 1 else 0.0
    left = low if per_row > 1 else (low + high) / 2
    top, bottom = min(y for _, y in inner), max(y for _, y in inner)
    step = ideal * max(1.0, (bottom - top) / height)
    spots = {node: inner[k] for node, k in index.items()}
    for k, node in enumerate(lone):
        spots[node] = (left + (k % per_row) * gap, bottom + step * (1 + k // per_row))
    return [spots[node] for node in range(count)]


def fit(
    points: Sequence[tuple[float, float]], boxes: Sequence[Box], width: float, height: float
) -> list[tuple[float, float]]:
    """The points scaled into the frame so every node's box is inside it."""
    if not points:
        return []
    left = min(x - box.half_width for (x, _), box in zip(points, boxes, strict=True))
    right = max(x + box.half_width for (x, _), box in zip(points, boxes, strict=True))
    top = min(y - box.above for (_, y), box in zip(points, boxes, strict=True))
    bottom = max(y + box.below for (_, y), box in zip(points, boxes, strict=True))
    spread_x = max(x for x, _ in points) - min(x for x, _ in points)
    spread_y = max(y for _, y in points) - min(y for _, y in points)
    # the room the boxes take at the edges stays; the spread between the centres scales
    room_x, room_y = (right - left) - spread_x, (bottom - top) - spread_y
    sx = (width - room_x) / spread_x if spread_x else 1.0
    sy = (height - room_y) / spread_y if spread_y else 1.0
    low_x, low_y = min(x for x, _ in points), min(y for _, y in points)
    margin_x = max(box.half_width - (x - low_x) * sx for (x, _), box in zip(points, boxes, strict=True))
    margin_y = max(box.above - (y - low_y) * sy for (_, y), box in zip(points, boxes, strict=True))
    placed = [((x - low_x) * sx + margin_x, (y - low_y) * sy + margin_y) for x, y in points]
    if not spread_x:
        placed = [(width / 2, y) for _, y in placed]
    if not spread_y:
        placed = [(x, height / 2) for x, _ in placed]
    return placed


def separate(
    points: Sequence[tuple[float, float]],
    boxes: Sequence[Box],
    width: float,
    height: float,
    passes: int = 40,
) -> tuple[list[tuple[float, float]], bool]:
    """Moves nodes apart until no two boxes overlap, each pair along the axis where they overlap
    least, every box kept inside the frame. Returns the points and whether they settled (no
    overlap left) within the passes."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    count = len(xs)
    widest = max((box.half_width for box in boxes), default=0.0)
    low_x = [box.half_width for box in boxes]
    high_x = [width - box.half_width for box in boxes]
    low_y = [box.above for box in boxes]
    high_y = [height - box.below for box in boxes]
    for _ in range(passes):
        moved = False
        # pairs further apart than the two widest half-widths cannot overlap: sweep left to right
        order = sorted(range(count), key=lambda k: (xs[k], k))
        for n, i in enumerate(order):
            bi = boxes[i]
            for j in order[n + 1 :]:
                if xs[j] - xs[i] >= bi.half_width + widest:
                    break
                bj = boxes[j]
                over_x = bi.half_width + bj.half_width - abs(xs[i] - xs[j])
                upper, lower = (i, j) if (ys[i], i) <= (ys[j], j) else (j, i)
                over_y = boxes[upper].below + boxes[lower].above - (ys[lower] - ys[upper])
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_y <= over_x:
                    ys[upper], ys[lower] = _part(ys[upper], ys[lower], over_y, low_y[upper], high_y[lower])
                else:
                    left, right = (i, j) if (xs[i], i) <= (xs[j], j) else (j, i)
                    xs[left], xs[right] = _part(xs[left], xs[right], over_x, low_x[left], high_x[right])
        if not moved:
            return list(zip(xs, ys, strict=True)), True
    return list(zip(xs, ys, strict=True)), False


def _part(low: float, high: float, overlap: float, floor: float, ceiling: float) -> tuple[float, float]:
    """Two coordinates moved apart by the overlap (and a little), half each, the rest by the
    other where one would leave the frame."""
    need = overlap + 1.0
    down = max(0.0, min(need / 2, low - floor))
    up = max(0.0, min(need - down, ceiling - high))
    down = max(0.0, min(need - up, low - floor))
    return low - down, high + up
