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

STEPS = 120
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
    ideal2 = ideal * ideal
    xs = [cx + width * 0.4 * math.cos(2 * math.pi * i / count) for i in range(count)]
    ys = [cy + height * 0.4 * math.sin(2 * math.pi * i / count) for i in range(count)]
    heat = width / 8
    for step in range(steps):
        dx = [GRAVITY * (cx - x) * ideal / width * 8 for x in xs]
        dy = [GRAVITY * (cy - y) * ideal / height * 8 for y in ys]
        for i in range(count - 1):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, count):
                ddx, ddy = xi - xs[j], yi - ys[j]
                far = ddx * ddx + ddy * ddy
                if far < 0.01:  # two nodes on one spot: part them along a fixed direction
                    ddx, ddy, far = 0.1, 0.1 * (1 + i % 3), 0.02 * (1 + i % 3)
                push = ideal2 / far
                dx[i] += ddx * push
                dy[i] += ddy * push
                dx[j] -= ddx * push
                dy[j] -= ddy * push
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
    passes: int = 60,
) -> list[tuple[float, float]]:
    """Moves nodes apart until no two boxes overlap (or the passes run out), each pair along
    the axis where they overlap least, keeping every box inside the frame."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    count = len(xs)
    for _ in range(passes):
        moved = False
        for i in range(count - 1):
            bi = boxes[i]
            for j in range(i + 1, count):
                bj = boxes[j]
                over_x = bi.half_width + bj.half_width - abs(xs[i] - xs[j])
                if over_x <= 0:
                    continue
                if ys[i] <= ys[j]:
                    over_y = bi.below + bj.above - (ys[j] - ys[i])
                else:
                    over_y = bj.below + bi.above - (ys[i] - ys[j])
                if over_y <= 0:
                    continue
                moved = True
                if over_y <= over_x:
                    shift = over_y / 2 + 0.5
                    sign = -1 if ys[i] < ys[j] or (ys[i] == ys[j] and i < j) else 1
                    ys[i] += sign * shift
                    ys[j] -= sign * shift
                else:
                    shift = over_x / 2 + 0.5
                    sign = -1 if xs[i] < xs[j] or (xs[i] == xs[j] and i < j) else 1
                    xs[i] += sign * shift
                    xs[j] -= sign * shift
        for i, box in enumerate(boxes):
            xs[i] = min(max(xs[i], box.half_width), width - box.half_width)
            ys[i] = min(max(ys[i], box.above), height - box.below)
        if not moved:
            break
    return list(zip(xs, ys, strict=True))
