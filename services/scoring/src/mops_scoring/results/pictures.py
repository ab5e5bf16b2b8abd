"""Pictures of a result: standalone SVG 1.1 documents, drawn from the result alone.

Pure functions (no I/O, no clock): the same result gives the same bytes. Every label is user
data, so the documents are built as element trees and serialised by the standard library,
which escapes text and attributes; characters XML cannot carry at all are dropped first. The
documents name no external resource: no links, fonts, style sheets or images.

Five-forces grid: a square of four quadrants, centralize (left) to decentralize (right) and
automate (top) to humanize (bottom), each shaded from a pale to a mid blue by its score
(0-100); a quadrant without a score is hatched grey and says "no score"; a weak one has a red
border and a red "weak" badge. Continuous change, the centre, is a circle in the middle shaded
the same way.

CX-efficiency matrix: efficiency for the company on x and for the customer on y, both 0-100
at 4 px a point, split at the framework's `efficient` threshold into improve, protect, verify
and danger. Each rated process is a dot with its name; danger processes are red and ringed;
processes without both scores are listed below as not rated.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

from mops_scoring.results.layout import (
    ASCENT,
    DESCENT,
    Box,
    Placement,
    Placer,
    grow,
    overlaps,
    text_box,
    text_width,
)
from mops_scoring.results.schemas import (
    CentreScore,
    CxQuadrant,
    ProcessScore,
    QuadrantScore,
    ResultRead,
)

SVG_NS = "http://www.w3.org/2000/svg"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

INK = "#1b1b1b"  # dark text; at least 6:1 against every fill used below
MUTED = "#455a64"
WEAK = "#c62828"  # white text on it is 5.6:1
DANGER_INK = "#8e1b1b"
NO_SCORE = "url(#no-score)"

# The score ramp: 0 is the pale end, 100 the mid blue (#1b1b1b on it is 6:1).
RAMP_LOW = (238, 243, 250)
RAMP_HIGH = (111, 156, 207)

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# -- building blocks ---------------------------------------------------------------------------


def _num(value: float) -> str:
    """A coordinate as short, stable text: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _score_text(score: float) -> str:
    """A score as written on the pictures: one decimal at most."""
    return _num(round(score, 1))


def _clean(text: str) -> str:
    """A label that XML can carry, on one line."""
    return " ".join(_NOT_XML.sub("", text).split())


def _el(
    parent: ET.Element, tag: str, attrs: dict[str, str | float], text: str | None = None
) -> ET.Element:
    element = ET.SubElement(
        parent, tag, {k: _num(v) if isinstance(v, float | int) else v for k, v in attrs.items()}
    )
    if text is not None:
        element.text = _clean(text)
    return element


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    *,
    size: int = 12,
    anchor: str = "middle",
    fill: str = INK,
    bold: bool = False,
    extra: dict[str, str] | None = None,
) -> ET.Element:
    attrs: dict[str, str | float] = {
        "x": x,
        "y": y,
        "font-size": size,
        "text-anchor": anchor,
        "fill": fill,
    }
    if bold:
        attrs["font-weight"] = "bold"
    attrs.update(extra or {})
    return _el(parent, "text", attrs, text)


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Words into at most `lines` lines of at most `width` characters; what does not fit is
    cut with an ellipsis (the whole label stays in the element's title)."""
    words = _clean(text).split(" ")
    out: list[str] = []
    current = ""
    for word in words:
        while len(word) > width:  # a word longer than a line is cut across lines
            if current:
                out.append(current)
                current = ""
            out.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    if len(out) > lines:
        kept = out[:lines]
        kept[-1] = kept[-1][: width - 1].rstrip() + "…"
        return kept
    return out or [""]


def _shorten(text: str, width: int) -> str:
    text = _clean(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _document(width: int, height: int, title: str, desc: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "version": "1.1",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": _FONT,
        },
    )
    _el(svg, "title", {}, title)
    _el(svg, "desc", {}, desc)
    _el(svg, "rect", {"x": 0, "y": 0, "width": width, "height": height, "fill": "#ffffff"})
    return svg


def _serialise(svg: ET.Element) -> str:
    return _DECLARATION + ET.tostring(svg, encoding="unicode") + "\n"


def _computed(moment: datetime) -> str:
    """The computed date in UTC; a naive time is taken as UTC (never the machine's zone)."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _heading(svg: ET.Element, result: ResultRead, name: str, extra: str = "") -> str:
    """The title lines; returns the subtitle."""
    subtitle = (
        f"{result.framework_key} v{result.framework_version} · computed "
        f"{_computed(result.computed_at)}{extra}"
    )
    _text(svg, 24, 34, name, size=20, anchor="start", bold=True)
    _text(svg, 24, 56, subtitle, size=13, anchor="start", fill=MUTED)
    return subtitle


def ramp(score: float) -> str:
    """The fill of a score: linear from the pale end (0) to the mid blue (100)."""
    t = min(max(score, 0.0), 100.0) / 100
    return "#" + "".join(
        f"{round(low + (high - low) * t):02x}"
        for low, high in zip(RAMP_LOW, RAMP_HIGH, strict=True)
    )


def _hatch(svg: ET.Element) -> None:
    defs = _el(svg, "defs", {})
    pattern = _el(
        defs,
        "pattern",
        {
            "id": "no-score",
            "width": 10,
            "height": 10,
            "patternUnits": "userSpaceOnUse",
            "patternTransform": "rotate(45)",
        },
    )
    _el(pattern, "rect", {"x": 0, "y": 0, "width": 10, "height": 10, "fill": "#f2f2f2"})
    _el(
        pattern,
        "line",
        {"x1": 0, "y1": 0, "x2": 0, "y2": 10, "stroke": "#c4c4c4", "stroke-width": 3},
    )


def _weak_badge(parent: ET.Element, x: float, y: float) -> None:
    """A red badge reading "weak", its top-left corner at (x, y)."""
    _el(parent, "rect", {"x": x, "y": y, "width": 50, "height": 20, "rx": 3, "fill": WEAK})
    _text(parent, x + 25, y + 14.5, "weak", size=12, fill="#ffffff", bold=True)


# -- the five-forces grid -----------------------------------------------------------------------

GRID_WIDTH, GRID_HEIGHT = 640, 700
GRID_X, GRID_Y, GRID_SIZE = 100, 110, 440
CENTRE_RADIUS = 62

# Quadrant key to (column, row) and its default name, when the result lacks it.
QUADRANTS: dict[str, tuple[int, int, str]] = {
    "nw": (0, 0, "Centralize \u00d7 automate"),
    "ne": (1, 0, "Decentralize \u00d7 automate"),
    "sw": (0, 1, "Centralize \u00d7 humanize"),
    "se": (1, 1, "Decentralize \u00d7 humanize"),
}


def five_forces_grid(result: ResultRead) -> str:
    """The five-forces grid of a result, as a standalone SVG document."""
    by_key = {q.key: q for q in result.quadrants}
    scores = ", ".join(
        f"{by_key[k].name if k in by_key else default} "
        f"{_score_or_none(by_key[k].score if k in by_key else None)}"
        for k, (_, _, default) in QUADRANTS.items()
    )
    svg = _document(
        GRID_WIDTH,
        GRID_HEIGHT,
        f"Five forces grid: {result.framework_key} v{result.framework_version}, computed "
        f"{_computed(result.computed_at)}",
        f"Quadrant scores out of 100: {scores}."
        + (
            f" Centre, {result.centre.name}: {_score_or_none(result.centre.score)}."
            if result.centre
            else ""
        )
        + (f" Weak: {', '.join(result.weak_quadrants)}." if result.weak_quadrants else ""),
    )
    _hatch(svg)
    _heading(svg, result, "Five forces grid")

    half = GRID_SIZE // 2
    middle_x, middle_y = GRID_X + half, GRID_Y + half
    for key, (column, row, default) in QUADRANTS.items():
        _quadrant(
            svg,
            key,
            by_key.get(key),
            default,
            GRID_X + column * half,
            GRID_Y + row * half,
            half,
            column,
            row,
        )
    if result.centre is not None:
        _centre(svg, result.centre, middle_x, middle_y)

    # The axes, at the four edges.
    _text(svg, middle_x, GRID_Y - 12, "Automate", size=15, bold=True)
    _text(svg, middle_x, GRID_Y + GRID_SIZE + 26, "Humanize", size=15, bold=True)
    left, right = GRID_X - 14, GRID_X + GRID_SIZE + 14
    _text(
        svg,
        left,
        middle_y,
        "Centralize",
        size=15,
        bold=True,
        extra={"transform": f"rotate(-90 {left} {middle_y})"},
    )
    _text(
        svg,
        right,
        middle_y,
        "Decentralize",
        size=15,
        bold=True,
        extra={"transform": f"rotate(90 {right} {middle_y})"},
    )
    _grid_legend(svg, GRID_Y + GRID_SIZE + 56)
    return _serialise(svg)


def _score_or_none(score: float | None) -> str:
    return "no score" if score is None else _score_text(score)


def _quadrant(
    svg: ET.Element,
    key: str,
    quadrant: QuadrantScore | None,
    default: str,
    x: float,
    y: float,
    size: float,
    column: int,
    row: int,
) -> None:
    name = quadrant.name if quadrant is not None else default
    score = quadrant.score if quadrant is not None else None
    weak = quadrant is not None and quadrant.weak
    group = _el(svg, "g", {"class": "quadrant weak" if weak else "quadrant", "id": f"q-{key}"})
    _el(
        group,
        "title",
        {},
        f"{name}: {_score_or_none(score)}" + (" (weak)" if weak else ""),
    )
    _el(
        group,
        "rect",
        {
            "x": x,
            "y": y,
            "width": size,
            "height": size,
            "fill": NO_SCORE if score is None else ramp(score),
            "stroke": "#ffffff",
            "stroke-width": 2,
        },
    )
    if weak:
        _el(
            group,
            "rect",
            {
                "x": x + 4,
                "y": y + 4,
                "width": size - 8,
                "height": size - 8,
                "fill": "none",
                "stroke": WEAK,
                "stroke-width": 4,
            },
        )
        # The badge in the outer top corner, clear of the centre circle.
        _weak_badge(group, x + 12 if column == 0 else x + size - 62, y + 12 if row == 0 else y + 14)
    # The labels sit a little off the quadrant's middle, away from the centre circle.
    cx = x + size / 2
    cy = y + size / 2 + (-12 if row == 0 else 12)
    lines = _wrap(name, 20, 2)
    for i, line in enumerate(lines):
        _text(group, cx, cy - 6 - 18 * (len(lines) - 1 - i), line, size=14, bold=True)
    if score is None:
        _text(group, cx, cy + 22, "no score", size=16, fill=MUTED, extra={"font-style": "italic"})
    else:
        _text(group, cx, cy + 26, _score_text(score), size=28, bold=True, extra={"class": "score"})


def _centre(svg: ET.Element, centre: CentreScore, x: float, y: float) -> None:
    group = _el(svg, "g", {"class": "centre weak" if centre.weak else "centre", "id": "centre"})
    _el(
        group,
        "title",
        {},
        f"{centre.name}: {_score_or_none(centre.score)}" + (" (weak)" if centre.weak else ""),
    )
    _el(
        group,
        "circle",
        {
            "cx": x,
            "cy": y,
            "r": CENTRE_RADIUS,
            "fill": NO_SCORE if centre.score is None else ramp(centre.score),
            "stroke": WEAK if centre.weak else "#37474f",
            "stroke-width": 4 if centre.weak else 2,
        },
    )
    lines = _wrap(centre.name, 15, 2)
    for i, line in enumerate(lines):
        _text(group, x, y - 6 - 15 * (len(lines) - 1 - i), line, size=12, bold=True)
    if centre.score is None:
        _text(group, x, y + 16, "no score", size=13, fill=MUTED, extra={"font-style": "italic"})
    else:
        _text(
            group,
            x,
            y + 18,
            _score_text(centre.score),
            size=22,
            bold=True,
            extra={"class": "score"},
        )
    if centre.weak:
        _weak_badge(group, x - 25, y + 26)


def _grid_legend(svg: ET.Element, top: float) -> None:
    legend = _el(svg, "g", {"class": "legend"})
    _text(legend, 24, top + 14, "Score", size=12, anchor="start", bold=True)
    x = 70.0
    for value in (0, 25, 50, 75, 100):
        _el(
            legend,
            "rect",
            {"x": x, "y": top, "width": 40, "height": 20, "fill": ramp(value), "stroke": "#9e9e9e"},
        )
        _text(legend, x + 20, top + 36, str(value), size=11)
        x += 44
    x += 14
    _el(
        legend,
        "rect",
        {"x": x, "y": top, "width": 40, "height": 20, "fill": NO_SCORE, "stroke": "#9e9e9e"},
    )
    _text(legend, x + 48, top + 14, "no score", size=12, anchor="start")
    x += 120
    _el(
        legend,
        "rect",
        {
            "x": x,
            "y": top,
            "width": 40,
            "height": 20,
            "fill": "#ffffff",
            "stroke": WEAK,
            "stroke-width": 3,
        },
    )
    _text(legend, x + 48, top + 14, "weak: to strengthen", size=12, anchor="start")


# -- the CX-efficiency matrix -------------------------------------------------------------------

CX_WIDTH = 660
PLOT_LEFT, PLOT_TOP, PLOT_SIZE = 110, 80, 400
PX_PER_POINT = PLOT_SIZE / 100
PLOT_BOTTOM = PLOT_TOP + PLOT_SIZE

CX_FILLS = {
    CxQuadrant.improve: "#fff4d6",
    CxQuadrant.protect: "#e3f1e4",
    CxQuadrant.verify: "#e2eefa",
    CxQuadrant.danger: "#fbe3e1",
}
CX_MEANING = {
    CxQuadrant.improve: "neither efficient",
    CxQuadrant.protect: "customer only",
    CxQuadrant.verify: "both efficient",
    CxQuadrant.danger: "company only",
}
DOT = "#37474f"
LABEL_SIZE = 12
LABEL_WIDTH = 160.0  # px a label beside a marker may take; longer names are cut (in its title)
SHORT_WIDTH = 90.0  # the shorter label tried when the full one finds no room
MERGE_PX = 12.0  # processes of one quadrant nearer than this (3 points) share a marker
LIST_WIDTH = CX_WIDTH - 48  # the lists below the plot, from x 24


def plot_x(company: float) -> float:
    """Where efficiency for the company (0-100) lies across the plot."""
    return PLOT_LEFT + min(max(company, 0.0), 100.0) * PX_PER_POINT


def plot_y(customer: float) -> float:
    """Where efficiency for the customer (0-100) lies up the plot."""
    return PLOT_BOTTOM - min(max(customer, 0.0), 100.0) * PX_PER_POINT


def cx_matrix(result: ResultRead, efficient: float = 50) -> str:
    """The CX-efficiency matrix of a result, split at `efficient` (the framework version's
    threshold), as a standalone SVG document."""
    efficient = min(max(efficient, 0.0), 100.0)
    rated = [
        _Dot(p, p.company, p.customer)
        for p in result.processes
        if p.company is not None and p.customer is not None
    ]
    unrated = [p for p in result.processes if p.company is None or p.customer is None]
    danger = [d.process for d in rated if d.danger]
    markers = _markers(rated)
    body = ET.Element("g")
    corners, unnamed = _cx_quadrants(body, efficient, markers)
    _cx_axes(body, efficient)
    labels = _place_labels(markers, corners, efficient)
    # Leaders first, beneath every marker; danger markers last, on top.
    leaders = _el(body, "g", {"class": "leaders"})
    for marker in markers:
        spot = labels[marker].placement
        if spot is not None and spot.leader is not None:
            x1, y1, x2, y2 = spot.leader
            _el(leaders, "line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": MUTED})
    for marker in sorted(markers, key=lambda m: m.danger):
        _marker(body, marker, labels[marker])

    legend_y = PLOT_BOTTOM + 66
    _el(body, "circle", {"cx": 30, "cy": legend_y - 4, "r": 6, "fill": DOT})
    _text(body, 42, legend_y, "process", size=12, anchor="start")
    _el(
        body,
        "circle",
        {"cx": 120, "cy": legend_y - 4, "r": 12, "fill": "none", "stroke": WEAK, "stroke-width": 2},
    )
    _el(body, "circle", {"cx": 120, "cy": legend_y - 4, "r": 7, "fill": WEAK})
    _text(body, 138, legend_y, "danger: efficient for the company only", size=12, anchor="start")
    _merged_dot(body, 412, legend_y - 4, DOT)
    _text(body, 428, legend_y, "several at one point", size=12, anchor="start")

    top: float = PLOT_BOTTOM + 96
    if unnamed:
        top = _region_legend(body, top - 12)
    keyed = [m for m in markers if labels[m].key is not None or labels[m].placement is None]
    if keyed:
        top = _key_list(body, keyed, labels, top)
    if unrated:
        block = _el(body, "g", {"class": "not-rated"})
        _text(block, 24, top + 14, "Not rated", size=13, anchor="start", bold=True)
        for i, process in enumerate(unrated):
            _text(
                block,
                24,
                top + 34 + 18 * i,
                _fit(f"• {_clean(process.name)}", LIST_WIDTH, LABEL_SIZE, suffix=": not rated"),
                size=12,
                anchor="start",
            )
        top += 28 + 18 * len(unrated)
    svg = _document(
        CX_WIDTH,
        round(top + 10),
        f"CX efficiency matrix: {result.framework_key} v{result.framework_version}, computed "
        f"{_computed(result.computed_at)}",
        f"{len(rated)} processes rated, efficient from {_num(efficient)}; "
        + (f"in danger: {', '.join(p.name for p in danger)}" if danger else "none in danger")
        + (f"; not rated: {', '.join(p.name for p in unrated)}" if unrated else "")
        + ".",
    )
    _heading(svg, result, "CX efficiency matrix", f" · efficient from {_num(efficient)}")
    svg.extend(body)
    return _serialise(svg)


def _cx_quadrants(
    svg: ET.Element, efficient: float, markers: list[_Marker]
) -> tuple[list[Box], list[CxQuadrant]]:
    """The four regions and their names; returns the names' boxes, and the regions too thin to
    be named inside."""
    split_x, split_y = plot_x(efficient), plot_y(efficient)
    right, top = PLOT_LEFT + PLOT_SIZE, PLOT_TOP
    regions = {
        CxQuadrant.improve: (PLOT_LEFT, split_y, split_x, PLOT_BOTTOM),
        CxQuadrant.protect: (PLOT_LEFT, top, split_x, split_y),
        CxQuadrant.verify: (split_x, top, right, split_y),
        CxQuadrant.danger: (split_x, split_y, right, PLOT_BOTTOM),
    }
    for quadrant, (x0, y0, x1, y1) in regions.items():
        _el(
            svg,
            "rect",
            {
                "class": f"region {quadrant.value}",
                "x": x0,
                "y": y0,
                "width": x1 - x0,
                "height": y1 - y0,
                "fill": CX_FILLS[quadrant],
            },
        )
    # Each region's name in its outer corner, or as near to it as no marker is covered; in
    # one line when two find no room; in the legend below when neither does (a thin region).
    boxes: list[Box] = []
    missing: list[CxQuadrant] = []
    markers_room = [grow(m.box, 2) for m in markers]
    for quadrant, region in regions.items():
        ink = DANGER_INK if quadrant == CxQuadrant.danger else INK
        lines = [(quadrant.value, 15, True), (CX_MEANING[quadrant], 11, False)]
        for count in (2, 1):
            spot = _region_spot(region, lines[:count], markers_room, left=region[0] == PLOT_LEFT)
            if spot is not None:
                break
        if spot is None:
            missing.append(quadrant)
            continue
        x, y, anchor = spot
        for i, (text, size, bold) in enumerate(lines[:count]):
            _text(svg, x, y + 16 * i, text, size=size, anchor=anchor, fill=ink, bold=bold)
            boxes.append(text_box(x, y + 16 * i, text_width(text, size, bold=bold), size, anchor))
    return boxes, missing


def _region_spot(
    region: Box, lines: list[tuple[str, int, bool]], markers: list[Box], *, left: bool
) -> tuple[float, float, str] | None:
    """Where a region's name goes (x, first baseline, anchor): the free spot nearest its outer
    corner, 8 px in from its edges, on a grid of 8 px; None when no spot is free."""
    x0, y0, x1, y1 = region
    width = max(text_width(text, size, bold=bold) for text, size, bold in lines)
    first, last = lines[0][1], lines[-1][1]
    above, below = ASCENT * first, 16 * (len(lines) - 1) + DESCENT * last
    top_region = y0 == PLOT_TOP
    across = int((x1 - x0 - 16 - width) // 8)
    down = int((y1 - y0 - 16 - above - below) // 8)
    if across < 0 or down < 0:
        return None
    for i, j in sorted(
        ((i, j) for i in range(across + 1) for j in range(down + 1)),
        key=lambda p: (max(p), p[0] + p[1], p),
    ):
        bx = x0 + 8 + 8 * i if left else x1 - 8 - 8 * i - width
        baseline = y0 + 8 + above + 8 * j if top_region else y1 - 8 - below - 8 * j
        box = (bx, baseline - above, bx + width, baseline + below)
        if not any(overlaps(box, marker) for marker in markers):
            return (bx, baseline, "start") if left else (bx + width, baseline, "end")
    return None


def _region_legend(svg: ET.Element, top: float) -> float:
    """The regions' colours and names, two a row; returns where the next block starts."""
    block = _el(svg, "g", {"class": "regions"})
    for i, quadrant in enumerate(CX_FILLS):
        x, y = 24 + 300 * (i % 2), top + 20 * (i // 2)
        _el(
            block,
            "rect",
            {"x": x, "y": y, "width": 14, "height": 14, "fill": CX_FILLS[quadrant]},
        )
        _text(
            block,
            x + 20,
            y + 11.5,
            f"{quadrant.value}: {CX_MEANING[quadrant]}",
            size=12,
            anchor="start",
        )
    return top + 52


def _cx_axes(svg: ET.Element, efficient: float) -> None:
    right = PLOT_LEFT + PLOT_SIZE
    _el(
        svg,
        "rect",
        {
            "x": PLOT_LEFT,
            "y": PLOT_TOP,
            "width": PLOT_SIZE,
            "height": PLOT_SIZE,
            "fill": "none",
            "stroke": MUTED,
        },
    )
    threshold: dict[str, str | float] = {
        "stroke": MUTED,
        "stroke-width": 1.5,
        "stroke-dasharray": "6 4",
    }
    split_x, split_y = plot_x(efficient), plot_y(efficient)
    _el(svg, "line", {"x1": split_x, "y1": PLOT_TOP, "x2": split_x, "y2": PLOT_BOTTOM, **threshold})
    _el(svg, "line", {"x1": PLOT_LEFT, "y1": split_y, "x2": right, "y2": split_y, **threshold})
    for value in (0, 25, 50, 75, 100):
        x, y = plot_x(value), plot_y(value)
        _el(
            svg,
            "line",
            {"x1": x, "y1": PLOT_BOTTOM, "x2": x, "y2": PLOT_BOTTOM + 5, "stroke": MUTED},
        )
        _text(svg, x, PLOT_BOTTOM + 27, str(value), size=11, fill=MUTED)
        _el(svg, "line", {"x1": PLOT_LEFT - 5, "y1": y, "x2": PLOT_LEFT, "y2": y, "stroke": MUTED})
        _text(svg, PLOT_LEFT - 12, y + 4, str(value), size=11, anchor="end", fill=MUTED)
    _text(svg, PLOT_LEFT + PLOT_SIZE / 2, PLOT_BOTTOM + 44, "Efficiency for the company →", size=13)
    axis_x, axis_y = PLOT_LEFT - 44, PLOT_TOP + PLOT_SIZE / 2
    _text(
        svg,
        axis_x,
        axis_y,
        "Efficiency for the customer →",
        size=13,
        extra={"transform": f"rotate(-90 {axis_x} {_num(axis_y)})"},
    )


@dataclass(frozen=True)
class _Dot:
    """A rated process and its two scores."""

    process: ProcessScore
    company: float
    customer: float

    @property
    def danger(self) -> bool:
        return self.process.quadrant == CxQuadrant.danger

    @property
    def x(self) -> float:
        return plot_x(self.company)

    @property
    def y(self) -> float:
        return plot_y(self.customer)


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, to key the labels
class _Marker:
    """One marker: the processes of one quadrant drawn at one point, by name."""

    dots: tuple[_Dot, ...]
    x: float
    y: float

    @property
    def danger(self) -> bool:
        return self.dots[0].danger

    @property
    def merged(self) -> bool:
        return len(self.dots) > 1

    @property
    def reach(self) -> float:
        """How far from its centre the marker reaches: its dot or danger ring, and stroke."""
        if self.danger:
            return 15.0 if self.merged else 13.0
        return 10.0 if self.merged else 7.0

    @property
    def box(self) -> Box:
        r = self.reach
        return (self.x - r, self.y - r, self.x + r, self.y + r)


def _markers(rated: list[_Dot]) -> list[_Marker]:
    """The markers: each process joins the first marker of its quadrant whose first process is
    within MERGE_PX of it, so processes at one point always share one, and markers in different
    quadrants stay apart (a marker never straddles a threshold). A marker sits at its processes'
    mean. Taken in score order, so the same result always gives the same markers."""
    groups: list[list[_Dot]] = []
    for dot in sorted(rated, key=lambda d: (d.company, d.customer, d.process.name, d.process.key)):
        home = next(
            (
                group
                for group in groups
                if group[0].process.quadrant == dot.process.quadrant
                and math.dist((group[0].x, group[0].y), (dot.x, dot.y)) < MERGE_PX
            ),
            None,
        )
        if home is None:
            groups.append([dot])
        else:
            home.append(dot)
    return [
        _Marker(
            tuple(sorted(group, key=lambda d: (d.process.name.casefold(), d.process.key))),
            round(sum(d.x for d in group) / len(group), 2),
            round(sum(d.y for d in group) / len(group), 2),
        )
        for group in groups
    ]


def _fit(text: str, width: float, size: float, *, bold: bool = False, suffix: str = "") -> str:
    """`text` and `suffix`, the text cut with an ellipsis so that both fit in `width` px."""
    room = width - text_width(suffix, size, bold=bold)
    if text_width(text, size, bold=bold) <= room:
        return text + suffix
    while text and text_width(text.rstrip() + "…", size, bold=bold) > room:
        text = text[:-1]
    return text.rstrip() + "…" + suffix


def _names(marker: _Marker, width: float) -> str:
    """What a marker's label says in at most `width` px: its name, or as many of its names as
    fit and how many more ("Checkout, Returns +2"); at least the first, cut if need be."""
    names = [_clean(d.process.name) for d in marker.dots]
    bold = marker.danger
    for shown in range(len(names), 1, -1):
        rest = len(names) - shown
        text = ", ".join(names[:shown]) + (f" +{rest}" if rest else "")
        if text_width(text, LABEL_SIZE, bold=bold) <= width:
            return text
    rest = len(names) - 1
    return _fit(names[0], width, LABEL_SIZE, bold=bold, suffix=f" +{rest}" if rest else "")


def _key_name(index: int) -> str:
    """A, B, ... Z, AA, AB, ...: the keys of markers whose names are listed below the plot."""
    name = ""
    index += 1
    while index:
        index, digit = divmod(index - 1, 26)
        name = chr(ord("A") + digit) + name
    return name


@dataclass(frozen=True)
class _Label:
    """A marker's label: the text written by it and where (None: not written by it), and its
    key in the list below the plot when its names are listed there instead."""

    text: str
    placement: Placement | None
    key: str | None = None


def _place_labels(
    markers: list[_Marker], corners: list[Box], efficient: float
) -> dict[_Marker, _Label]:
    """Each marker's label, placed so that no two labels, markers or leader lines overlap and no
    label crosses an axis or a threshold or leaves the plot. A marker is labelled with its names
    beside it, or away from it on a leader line; failing that, with fewer names; failing that,
    with a letter keyed to the list below the plot. Danger first, so theirs get the best
    places, then the most crowded, which have the fewest."""
    split_x, split_y = plot_x(efficient), plot_y(efficient)
    right = PLOT_LEFT + PLOT_SIZE
    placer = Placer(
        bounds=(PLOT_LEFT, PLOT_TOP, right, PLOT_BOTTOM),
        walls=((split_x, PLOT_TOP, split_x, PLOT_BOTTOM), (PLOT_LEFT, split_y, right, split_y)),
        obstacles=list(corners),
        markers=[m.box for m in markers],
    )

    def crowding(marker: _Marker) -> int:
        return sum(math.dist((m.x, m.y), (marker.x, marker.y)) < 60 for m in markers)

    def home(marker: _Marker) -> Box:
        """The region the marker lies in, where its label reads best."""
        across = (PLOT_LEFT, split_x) if marker.x < split_x else (split_x, right)
        down = (PLOT_TOP, split_y) if marker.y < split_y else (split_y, PLOT_BOTTOM)
        return (across[0], down[0], across[1], down[1])

    order = sorted(markers, key=lambda m: (not m.danger, -crowding(m), m.y, m.x))

    def attempt(marker: _Marker, text: str, *, bold: bool, near_only: bool) -> Placement | None:
        width = text_width(text, LABEL_SIZE, bold=bold)
        return placer.place(
            marker.x,
            marker.y,
            marker.reach,
            width,
            LABEL_SIZE,
            own=marker.box,
            home=home(marker),
            near_only=near_only,
        )

    # First every marker gets the chance of a label right beside it; then the rest go further.
    labels: dict[_Marker, _Label] = {}
    for marker in order:
        text = _names(marker, LABEL_WIDTH)
        spot = attempt(marker, text, bold=marker.danger, near_only=True)
        if spot is not None:
            labels[marker] = _Label(text, spot)
    keys = 0
    for marker in order:
        if marker in labels:
            continue
        texts = dict.fromkeys((_names(marker, LABEL_WIDTH), _names(marker, SHORT_WIDTH)))
        for text in texts:
            spot = attempt(marker, text, bold=marker.danger, near_only=False)
            if spot is not None:
                labels[marker] = _Label(text, spot)
                break
        else:
            key = _key_name(keys)
            spot = attempt(marker, key, bold=True, near_only=False)
            keys += spot is not None
            # Not even a letter fits: the list below says where the marker is instead.
            labels[marker] = _Label(key, spot, key) if spot is not None else _Label("", None)
    return labels


def _marker(svg: ET.Element, marker: _Marker, label: _Label) -> None:
    danger = marker.danger
    classes = ["process", *(["danger"] if danger else []), *(["merged"] if marker.merged else [])]
    group = _el(svg, "g", {"class": " ".join(classes)})
    _el(group, "title", {}, _marker_title(marker))
    spot = label.placement
    if danger:
        _el(
            group,
            "circle",
            {
                "cx": marker.x,
                "cy": marker.y,
                "r": marker.reach - 1,
                "fill": "none",
                "stroke": WEAK,
                "stroke-width": 2,
            },
        )
    fill = WEAK if danger else DOT
    if marker.merged:
        _merged_dot(group, marker.x, marker.y, fill)
    else:
        _el(
            group,
            "circle",
            {
                "class": "dot",
                "cx": marker.x,
                "cy": marker.y,
                "r": 7 if danger else 6,
                "fill": fill,
                "stroke": "#ffffff",
                "stroke-width": 1.5,
            },
        )
    if spot is not None:
        _text(
            group,
            spot.x,
            spot.y,
            label.text,
            size=LABEL_SIZE,
            anchor=spot.anchor,
            fill=DANGER_INK if danger else INK,
            bold=danger or label.key is not None,
        )


def _merged_dot(parent: ET.Element, x: float, y: float, fill: str) -> None:
    """The dot of several processes at one point: larger, with a white ring inside."""
    dot: dict[str, str | float] = {"cx": x, "cy": y, "stroke": "#ffffff", "stroke-width": 1.5}
    _el(parent, "circle", {"class": "dot", **dot, "r": 9, "fill": fill})
    _el(parent, "circle", {**dot, "r": 4.5, "fill": "none"})


def _quadrant_name(process: ProcessScore) -> str:
    return process.quadrant.value if process.quadrant else "unplaced"


def _marker_title(marker: _Marker) -> str:
    """Every process of a marker, with its scores and quadrant: the tooltip, never cut."""
    described = [
        f"{d.process.name}: company {_score_text(d.company)}, customer "
        f"{_score_text(d.customer)} ({_quadrant_name(d.process)})"
        for d in marker.dots
    ]
    if not marker.merged:
        return described[0]
    return f"{len(described)} processes here: " + "; ".join(described)


def _key_list(
    svg: ET.Element, keyed: list[_Marker], labels: dict[_Marker, _Label], top: float
) -> float:
    """The list of markers labelled by a letter (or, where not even that fitted, by where they
    are); returns where the next block starts."""
    block = _el(svg, "g", {"class": "key"})
    _text(block, 24, top + 14, "Labelled by letter", size=13, anchor="start", bold=True)
    ordered = sorted(
        keyed,
        key=lambda m: (
            labels[m].key is None,
            len(labels[m].key or ""),
            labels[m].key or "",
            m.y,
            m.x,
        ),
    )
    for i, marker in enumerate(ordered):
        names = ", ".join(_clean(d.process.name) for d in marker.dots)
        key = labels[marker].key
        first = marker.dots[0]
        where = (
            f"{key} "
            if key is not None
            else f"Near company {_score_text(first.company)}, "
            f"customer {_score_text(first.customer)}: "
        )
        entry = _el(block, "g", {})
        _el(entry, "title", {}, names)
        _text(
            entry,
            24,
            top + 34 + 18 * i,
            _fit(where + names, LIST_WIDTH, LABEL_SIZE),
            size=LABEL_SIZE,
            anchor="start",
        )
    return top + 28 + 18 * len(ordered) + 12
