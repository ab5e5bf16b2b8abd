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

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

from mops_shared.schemas.scoring_results import (
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
LABEL_CHARS = 22
CHAR_WIDTH = 7.0  # a 12 px label's characters, generously
BOLD_WIDTH = 8.0
CORNER_WIDTH, CORNER_HEIGHT = 110, 40  # room the quadrant labels take in the plot's corners


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
    list_top = PLOT_BOTTOM + 96
    height = list_top + (28 + 18 * len(unrated) if unrated else 0) + 10
    svg = _document(
        CX_WIDTH,
        height,
        f"CX efficiency matrix: {result.framework_key} v{result.framework_version}, computed "
        f"{_computed(result.computed_at)}",
        f"{len(rated)} processes rated, efficient from {_num(efficient)}; "
        + (f"in danger: {', '.join(p.name for p in danger)}" if danger else "none in danger")
        + (f"; not rated: {', '.join(p.name for p in unrated)}" if unrated else "")
        + ".",
    )
    _heading(svg, result, "CX efficiency matrix", f" · efficient from {_num(efficient)}")
    _cx_quadrants(svg, efficient)
    _cx_axes(svg, efficient)

    # Labels are placed danger first, so theirs get the best places; danger dots are drawn
    # last, on top.
    placed = _obstacles(rated)
    indexes = range(len(rated))
    labels = {
        i: _label(rated[i], placed) for i in sorted(indexes, key=lambda i: not rated[i].danger)
    }
    for i in sorted(indexes, key=lambda i: rated[i].danger):
        _dot(svg, rated[i], labels[i])

    legend_y = PLOT_BOTTOM + 66
    _el(svg, "circle", {"cx": 30, "cy": legend_y - 4, "r": 6, "fill": DOT})
    _text(svg, 42, legend_y, "process", size=12, anchor="start")
    _el(
        svg,
        "circle",
        {"cx": 120, "cy": legend_y - 4, "r": 12, "fill": "none", "stroke": WEAK, "stroke-width": 2},
    )
    _el(svg, "circle", {"cx": 120, "cy": legend_y - 4, "r": 7, "fill": WEAK})
    _text(svg, 138, legend_y, "danger: efficient for the company only", size=12, anchor="start")

    if unrated:
        block = _el(svg, "g", {"class": "not-rated"})
        _text(block, 24, list_top + 14, "Not rated", size=13, anchor="start", bold=True)
        for i, process in enumerate(unrated):
            _text(
                block,
                24,
                list_top + 34 + 18 * i,
                f"• {_shorten(process.name, 70)}: not rated",
                size=12,
                anchor="start",
            )
    return _serialise(svg)


def _cx_quadrants(svg: ET.Element, efficient: float) -> None:
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
    # The labels in the plot's four corners.
    corners = {
        CxQuadrant.protect: (PLOT_LEFT + 8, top + 20, "start"),
        CxQuadrant.verify: (right - 8, top + 20, "end"),
        CxQuadrant.improve: (PLOT_LEFT + 8, PLOT_BOTTOM - 24, "start"),
        CxQuadrant.danger: (right - 8, PLOT_BOTTOM - 24, "end"),
    }
    for quadrant, (x, y, anchor) in corners.items():
        ink = DANGER_INK if quadrant == CxQuadrant.danger else INK
        _text(svg, x, y, quadrant.value, size=15, anchor=anchor, fill=ink, bold=True)
        _text(svg, x, y + 15, CX_MEANING[quadrant], size=11, anchor=anchor, fill=ink)


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
        _text(svg, x, PLOT_BOTTOM + 18, str(value), size=11, fill=MUTED)
        _el(svg, "line", {"x1": PLOT_LEFT - 5, "y1": y, "x2": PLOT_LEFT, "y2": y, "stroke": MUTED})
        _text(svg, PLOT_LEFT - 8, y + 4, str(value), size=11, anchor="end", fill=MUTED)
    _text(svg, PLOT_LEFT + PLOT_SIZE / 2, PLOT_BOTTOM + 40, "Efficiency for the company →", size=13)
    axis_x, axis_y = PLOT_LEFT - 44, PLOT_TOP + PLOT_SIZE / 2
    _text(
        svg,
        axis_x,
        axis_y,
        "Efficiency for the customer →",
        size=13,
        extra={"transform": f"rotate(-90 {axis_x} {_num(axis_y)})"},
    )


Box = tuple[float, float, float, float]


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


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _ring(dot: _Dot) -> float:
    """The radius a dot takes, its danger ring included."""
    return 13.0 if dot.danger else 7.0


def _obstacles(dots: list[_Dot]) -> list[Box]:
    """What labels must not cover: the dots and the quadrant labels in the plot's corners."""
    right = PLOT_LEFT + PLOT_SIZE
    corners: list[Box] = [
        (PLOT_LEFT, PLOT_TOP, PLOT_LEFT + CORNER_WIDTH, PLOT_TOP + CORNER_HEIGHT),
        (right - CORNER_WIDTH, PLOT_TOP, right, PLOT_TOP + CORNER_HEIGHT),
        (PLOT_LEFT, PLOT_BOTTOM - CORNER_HEIGHT, PLOT_LEFT + CORNER_WIDTH, PLOT_BOTTOM),
        (right - CORNER_WIDTH, PLOT_BOTTOM - CORNER_HEIGHT, right, PLOT_BOTTOM),
    ]
    return corners + [
        (d.x - _ring(d), d.y - _ring(d), d.x + _ring(d), d.y + _ring(d)) for d in dots
    ]


def _label(dot: _Dot, placed: list[Box]) -> tuple[float, float, str]:
    """Where a dot's label goes: beside it, on the first side (right, left, above, below,
    then further down or up) where it covers nothing placed before and stays on the picture;
    (x, baseline, anchor). When every side is taken, the first."""
    x, y, gap = dot.x, dot.y, _ring(dot) + 4
    width = len(_shorten(dot.process.name, LABEL_CHARS)) * (
        BOLD_WIDTH if dot.danger else CHAR_WIDTH
    )
    candidates: list[tuple[float, float, str]] = [
        (x + gap, y + 4, "start"),
        (x - gap, y + 4, "end"),
        (x, y - gap - 3, "middle"),
        (x, y + gap + 11, "middle"),
    ]
    for dy in (16.0, -16.0, 32.0, -32.0):
        candidates += [(x + gap, y + 4 + dy, "start"), (x - gap, y + 4 + dy, "end")]

    def box(lx: float, ly: float, anchor: str) -> Box:
        x0 = {"start": lx, "end": lx - width, "middle": lx - width / 2}[anchor]
        return (x0, ly - 11, x0 + width, ly + 3)

    def free(candidate: tuple[float, float, str]) -> bool:
        x0, y0, x1, y1 = area = box(*candidate)
        inside = x0 >= 4 and x1 <= CX_WIDTH - 4 and y0 >= PLOT_TOP - 10 and y1 <= PLOT_BOTTOM + 10
        return inside and not any(_overlaps(area, other) for other in placed)

    chosen = next((c for c in candidates if free(c)), candidates[0])
    placed.append(box(*chosen))
    return chosen


def _dot(svg: ET.Element, dot: _Dot, label: tuple[float, float, str]) -> None:
    process, danger = dot.process, dot.danger
    group = _el(svg, "g", {"class": "process danger" if danger else "process"})
    quadrant = process.quadrant.value if process.quadrant else "unplaced"
    _el(
        group,
        "title",
        {},
        f"{process.name}: company {_score_text(dot.company)}, customer "
        f"{_score_text(dot.customer)} ({quadrant})",
    )
    if danger:
        _el(
            group,
            "circle",
            {"cx": dot.x, "cy": dot.y, "r": 12, "fill": "none", "stroke": WEAK, "stroke-width": 2},
        )
    _el(
        group,
        "circle",
        {
            "class": "dot",
            "cx": dot.x,
            "cy": dot.y,
            "r": 7 if danger else 6,
            "fill": WEAK if danger else DOT,
            "stroke": "#ffffff",
            "stroke-width": 1.5,
        },
    )
    lx, ly, anchor = label
    _text(
        group,
        lx,
        ly,
        _shorten(process.name, LABEL_CHARS),
        size=12,
        anchor=anchor,
        fill=DANGER_INK if danger else INK,
        bold=danger,
    )
