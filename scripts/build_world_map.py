"""Build alliance/centres/data/world_paths.json, the light world map's geometry.

Run once (`uv run python scripts/build_world_map.py`); its output is committed, so the
platform renders the map from ~60 KB of outlines instead of pygal_maps_world's 780 KB.
Each country's outline from pygal_maps_world's SVG is read as polygons (curve control
points dropped: at this scale the end points carry the shape), scaled to half size,
simplified with Douglas–Peucker and rounded to whole units. Countries too small to see
after that (small island states, city states) get a dot at their centre instead: docs/
decisions/0013-light-world-map.md.
"""

import json
import re
from pathlib import Path

import pygal_maps_world

SOURCE = Path(pygal_maps_world.__file__).with_name("worldmap.svg")
TARGET = Path(__file__).resolve().parents[1] / "alliance/centres/data/world_paths.json"
SCALE = 0.5  # the source's 2475 × 1388 viewBox becomes about 1238 × 694
EPSILON = 0.9  # Douglas–Peucker tolerance, in output units
MIN_RING = 2.5  # rings whose box is smaller than this (in both directions) are dropped
DOT_BELOW = 6.0  # a country whose whole box is smaller than this also gets a dot

TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|-?(?:\d+\.\d*|\.\d+|\d+)(?:e-?\d+)?")
ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The path's sub-paths as lists of absolute points (end points of every segment)."""
    tokens = TOKEN.findall(d)
    out, ring = [], []
    x = y = sx = sy = 0.0
    cmd, i = "m", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "zZ":
                if ring:
                    out.append(ring)
                ring, x, y = [], sx, sy
                continue
        n = ARITY[cmd.lower()]
        args = [float(t) for t in tokens[i : i + n]]
        i += n
        rel = cmd.islower()
        c = cmd.lower()
        if c == "m":
            if ring:
                out.append(ring)
            x, y = (x + args[0], y + args[1]) if rel else (args[0], args[1])
            sx, sy, ring = x, y, [(x, y)]
            cmd = "l" if rel else "L"  # further pairs after a moveto are linetos
            continue
        if c == "h":
            x = x + args[0] if rel else args[0]
        elif c == "v":
            y = y + args[0] if rel else args[0]
        else:
            x, y = (x + args[-2], y + args[-1]) if rel else (args[-2], args[-1])
        ring.append((x, y))
    if ring:
        out.append(ring)
    return out


def simplify(points, epsilon):
    """Douglas–Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, None
        for k in range(a + 1, b):
            px, py = points[k]
            if dx == dy == 0:  # a closed ring: distance to the point itself
                dist = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                dist = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if dist > worst:
                worst, index = dist, k
        if index is not None and worst > epsilon:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def encode(ring) -> str:
    """M x y then whole-unit relative steps: the shortest text for the path."""
    pts = [(round(x), round(y)) for x, y in ring]
    dedup = [pts[0]] + [p for prev, p in zip(pts, pts[1:], strict=False) if p != prev]
    if len(dedup) < 3:
        return ""
    parts = [f"M{dedup[0][0]} {dedup[0][1]}"]
    steps = []
    for (px, py), (x, y) in zip(dedup, dedup[1:], strict=False):
        steps.append(f"{x - px}" + (f" {y - py}" if y - py < 0 else f" {y - py}"))
    return parts[0] + "l" + " ".join(steps).replace(" -", "-") + "z"


def main():
    svg = SOURCE.read_text()
    countries = {}
    for code, body in re.findall(r'<g class="(\w+) country map-element">(.*?)</g>', svg, re.S):
        all_points, paths = [], []
        for d in re.findall(r'd="([^"]+)"', body):
            for ring in rings(d):
                ring = [(x * SCALE, y * SCALE) for x, y in ring]
                all_points += ring
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                if max(xs) - min(xs) < MIN_RING and max(ys) - min(ys) < MIN_RING:
                    continue
                text = encode(simplify(ring + [ring[0]], EPSILON))
                if text:
                    paths.append(text)
        xs, ys = [p[0] for p in all_points], [p[1] for p in all_points]
        entry = {"d": "".join(paths)}
        if not paths or (max(xs) - min(xs) < DOT_BELOW and max(ys) - min(ys) < DOT_BELOW):
            entry["dot"] = [round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2)]
        countries[code.upper()] = entry
    viewbox = [round(2475 * SCALE), round(1388 * SCALE)]
    TARGET.write_text(
        json.dumps({"viewBox": viewbox, "countries": countries}, separators=(",", ":")) + "\n"
    )
    dots = sum("dot" in c for c in countries.values())
    print(f"{TARGET}: {TARGET.stat().st_size} bytes, {len(countries)} countries, {dots} dots")


if __name__ == "__main__":
    main()
