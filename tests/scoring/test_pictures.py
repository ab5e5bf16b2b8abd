"""Pictures of results: the five-forces grid and the CX-efficiency matrix as standalone SVG,
drawn from the result alone (pure functions) and served for the tenant's results only."""

from __future__ import annotations

import copy
import itertools
import math
import random
import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from mops_scoring.results.layout import ASCENT, DESCENT, text_width
from mops_scoring.results.pictures import CX_FILLS, DOT, cx_matrix, five_forces_grid, ramp
from mops_scoring.results.schemas import ResultRead
from tests.browser import screenshot
from tests.png import read_png
from tests.scoring.support import (
    ASSESSMENTS,
    FRAMEWORKS,
    LEVELS,
    RESULTS,
    closed_assessment,
    five_forces_answers,
    load,
    questions,
)
from tests.support import assert_problem, walk_pages

SVG = "{http://www.w3.org/2000/svg}"
RED = "#c62828"
TRICKY = 'R&D <"core">'
INJECTED = "</text><script>alert(1)</script>"
TIMES = "\u00d7"


# --- building results ---------------------------------------------------------------------------


def result(kind: str, **fields: Any) -> ResultRead:
    body: dict[str, Any] = {
        "id": str(uuid.UUID(int=1)),
        "assessment_id": str(uuid.UUID(int=2)),
        "framework_id": str(uuid.UUID(int=3)),
        "framework_key": kind,
        "framework_version": 4,
        "kind": kind,
        "scope_unit_id": None,
        "computed_at": "2024-05-06T07:08:09Z",
        "respondents": 3,
        "dimensions": [],
        "quadrants": [],
        "centre": None,
        "weak_quadrants": [],
        "processes": [],
        "readiness": None,
        "evidence": [],
        "unavailable_sources": [],
    }
    return ResultRead.model_validate(body | fields)


def quadrant(key: str, name: str, score: float | None, weak: bool) -> dict[str, Any]:
    return {
        "key": key,
        "name": name,
        "dimensions": [],
        "score": score,
        "weak": weak,
        "actions": [],
        "explanation": "",
    }


def process(
    key: str, name: str, company: float | None, customer: float | None, quadrant: str | None
) -> dict[str, Any]:
    return {
        "key": key,
        "name": name,
        "automated": True,
        "mandatory_for_customer": True,
        "tool_ids": [],
        "company": company,
        "customer": customer,
        "quadrant": quadrant,
        "respondents": 1,
        "explanation": "",
    }


FORCES = result(
    "five_forces",
    quadrants=[
        quadrant("se", f"Decentralize {TIMES} humanize", 12.0, True),
        quadrant("nw", f"Centralize {TIMES} automate", 81.3, False),
        quadrant("ne", TRICKY + "\x07", 42.5, True),
        quadrant("sw", f"Centralize {TIMES} humanize", None, False),
    ],
    centre={
        "dimension": "change",
        "name": "Continuous change",
        "score": 66.0,
        "weak": False,
        "actions": [],
        "explanation": "",
    },
    weak_quadrants=["ne", "se"],
)
CX = result(
    "cx_efficiency",
    processes=[
        process("ivr", TRICKY, 75.0, 12.5, "danger"),
        process("web", "Web self-service", 90.0, 85.0, "verify"),
        process("shop", INJECTED, 20.0, 90.0, "protect"),
        process("returns", "Returns desk", None, None, None),
        process("billing", "Billing", 40.0, None, None),
    ],
)


# --- reading pictures ---------------------------------------------------------------------------


def parse(document: str | bytes) -> ET.Element:
    root = ET.fromstring(document)
    assert root.tag == f"{SVG}svg"
    assert root.get("version") == "1.1"
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root[0].tag == f"{SVG}title"
    assert root[0].text
    return root


def texts(element: ET.Element) -> list[str]:
    """The words written in an element (its `<text>` elements, not its titles)."""
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def classed(root: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if name in (e.get("class") or "").split()]


def quadrant_group(root: ET.Element, key: str) -> ET.Element:
    (group,) = [g for g in classed(root, "g", "quadrant") if g.get("id") == f"q-{key}"]
    return group


def assert_self_contained(root: ET.Element) -> None:
    """Nothing that loads or runs: no links, no external addresses, no scripts or styles."""
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag not in {"script", "style", "image", "foreignObject", "a", "use"}, tag
        for name, value in element.attrib.items():
            assert "href" not in name, (tag, name)
            assert "http://" not in value, (tag, name, value)
            assert "https://" not in value, (tag, name, value)
            assert "url(" not in value or value.startswith("url(#"), (tag, name, value)


def assert_readable(root: ET.Element) -> None:
    sizes = [float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")]
    assert sizes
    assert min(sizes) >= 11


# --- the five-forces grid -----------------------------------------------------------------------


def test_the_grid_writes_each_quadrants_score_in_its_place() -> None:
    svg = five_forces_grid(FORCES)
    root = parse(svg)
    assert_self_contained(root)
    assert_readable(root)
    assert (
        quadrant_group(root, "nw").findtext(f"{SVG}title") == f"Centralize {TIMES} automate: 81.3"
    )
    assert "81.3" in texts(quadrant_group(root, "nw"))
    assert "42.5" in texts(quadrant_group(root, "ne"))
    assert "12" in texts(quadrant_group(root, "se"))
    # The shading follows the score: the higher, the darker (a smaller sum of channels).
    fills = {
        key: quadrant_group(root, key).find(f"{SVG}rect").get("fill")  # type: ignore[union-attr]
        for key in ("nw", "ne", "se", "sw")
    }

    def channels(fill: str | None) -> int:
        assert fill is not None
        assert fill.startswith("#")
        return sum(int(fill[i : i + 2], 16) for i in (1, 3, 5))

    assert channels(fills["nw"]) < channels(fills["ne"]) < channels(fills["se"])
    # No score: hatched and said.
    assert fills["sw"] == "url(#no-score)"
    assert "no score" in texts(quadrant_group(root, "sw"))
    # Where each quadrant lies: centralize left, automate top.
    corner = {
        key: tuple(float(quadrant_group(root, key).find(f"{SVG}rect").get(a, "")) for a in "xy")  # type: ignore[union-attr]
        for key in ("nw", "ne", "se", "sw")
    }
    assert corner["nw"][0] == corner["sw"][0] < corner["ne"][0] == corner["se"][0]
    assert corner["nw"][1] == corner["ne"][1] < corner["sw"][1] == corner["se"][1]
    written = texts(root)
    for axis in ("Centralize", "Decentralize", "Automate", "Humanize"):
        assert axis in written
    # The centre, its name and score.
    (centre,) = classed(root, "g", "centre")
    assert centre.find(f"{SVG}circle") is not None
    assert "66" in texts(centre)
    assert "".join(texts(centre)).replace(" ", "") == "Continuouschange66"
    # The heading: framework, version and when.
    assert (
        root.findtext(f"{SVG}title")
        == "Five forces grid: five_forces v4, computed 2024-05-06 07:08 UTC"
    )
    heading = " ".join(written)
    assert "five_forces v4" in heading
    assert "2024-05-06 07:08 UTC" in heading


def test_weak_quadrants_are_marked_and_only_they() -> None:
    root = parse(five_forces_grid(FORCES))
    for key, weak in (("nw", False), ("ne", True), ("se", True), ("sw", False)):
        group = quadrant_group(root, key)
        red = [r for r in group.iter(f"{SVG}rect") if r.get("stroke") == RED]
        assert ("weak" in texts(group)) is weak, key
        assert bool(red) is weak, key
        assert ("weak" in (group.get("class") or "").split()) is weak, key
    (centre,) = classed(root, "g", "centre")
    assert "weak" not in texts(centre)


def test_a_weak_centre_is_marked() -> None:
    weak = result(
        "five_forces",
        quadrants=FORCES.model_dump(mode="json")["quadrants"],
        centre={
            "dimension": "change",
            "name": "Change",
            "score": 10.0,
            "weak": True,
            "actions": [],
            "explanation": "",
        },
    )
    (centre,) = classed(parse(five_forces_grid(weak)), "g", "centre")
    assert "weak" in texts(centre)
    assert centre.find(f"{SVG}circle").get("stroke") == RED  # type: ignore[union-attr]


def test_names_are_escaped_and_still_parse() -> None:
    svg = five_forces_grid(FORCES)
    assert 'R&amp;D &lt;"core"&gt;' in svg
    assert TRICKY not in svg
    assert "\x07" not in svg  # a character XML cannot carry is dropped
    root = parse(svg)
    assert TRICKY in texts(quadrant_group(root, "ne"))


def test_the_grid_is_the_same_bytes_for_the_same_result() -> None:
    again = ResultRead.model_validate(FORCES.model_dump(mode="json"))
    assert five_forces_grid(FORCES) == five_forces_grid(again)


def test_a_time_without_a_zone_is_taken_as_utc_not_the_machines() -> None:
    naive = ResultRead.model_validate(
        FORCES.model_dump(mode="json") | {"computed_at": "2024-05-06T07:08:09"}
    )
    assert naive.computed_at.tzinfo is None
    assert five_forces_grid(naive) == five_forces_grid(FORCES)


def test_a_quadrant_missing_from_the_result_is_drawn_without_a_score() -> None:
    partial = result("five_forces", quadrants=[quadrant("nw", "NW", 70.0, False)])
    root = parse(five_forces_grid(partial))
    for key in ("ne", "se", "sw"):
        assert "no score" in texts(quadrant_group(root, key))
    assert not classed(root, "g", "centre")


# --- the CX-efficiency matrix -------------------------------------------------------------------


def dot_of(group: ET.Element) -> tuple[float, float]:
    (dot,) = [c for c in group.iter(f"{SVG}circle") if c.get("class") == "dot"]
    return float(dot.get("cx", "")), float(dot.get("cy", ""))


def test_the_matrix_places_each_process_by_its_scores_and_highlights_danger() -> None:
    svg = cx_matrix(CX)
    root = parse(svg)
    assert_self_contained(root)
    assert_readable(root)
    (danger,) = classed(root, "g", "danger")
    assert "process" in (danger.get("class") or "").split()
    assert danger.findtext(f"{SVG}title", "").startswith(TRICKY)
    # The plot runs from x 110 (company 0) to 510 (100) and from y 480 (customer 0) up to 80
    # (100): 4 px a point. Company 75, customer 12.5:
    assert dot_of(danger) == (110 + 4 * 75, 480 - 4 * 12.5) == (410, 430)
    circles = list(danger.iter(f"{SVG}circle"))
    assert len(circles) == 2  # the dot and its ring
    assert {c.get("fill") for c in circles} == {RED, "none"}
    assert TRICKY in texts(danger)
    assert [t.get("font-weight") for t in danger.iter(f"{SVG}text")] == ["bold"]

    others = [g for g in classed(root, "g", "process") if g is not danger]
    assert len(others) == 2
    for group in others:
        assert "danger" not in (group.get("class") or "")
        assert len(list(group.iter(f"{SVG}circle"))) == 1
        assert RED not in {c.get("fill") for c in group.iter(f"{SVG}circle")}
    web = next(g for g in others if "Web self-service" in texts(g))
    assert dot_of(web) == (470, 140)


def test_the_quadrants_split_at_the_threshold() -> None:
    for efficient, split in ((50, (310, 280)), (60, (350, 240))):
        root = parse(cx_matrix(CX, efficient))
        regions = {
            next(c for c in (r.get("class") or "").split() if c != "region"): r
            for r in classed(root, "rect", "region")
        }
        assert set(regions) == {"improve", "protect", "verify", "danger"}
        x, y = split
        danger = regions["danger"]
        assert (float(danger.get("x", "")), float(danger.get("y", ""))) == (x, y)
        assert float(danger.get("width", "")) == 510 - x
        assert float(danger.get("height", "")) == 480 - y
        protect = regions["protect"]
        assert (float(protect.get("x", "")), float(protect.get("y", ""))) == (110, 80)
        assert float(protect.get("width", "")) == x - 110
        assert f"efficient from {efficient}" in " ".join(texts(root))
    written = texts(parse(cx_matrix(CX)))
    for label in ("improve", "protect", "verify", "danger"):
        assert label in written


def test_unrated_processes_are_listed_below_and_not_plotted() -> None:
    root = parse(cx_matrix(CX))
    (listing,) = classed(root, "g", "not-rated")
    assert texts(listing) == ["Not rated", "• Returns desk: not rated", "• Billing: not rated"]
    plotted = " ".join(" ".join(texts(g)) for g in classed(root, "g", "process"))
    assert "Returns" not in plotted
    assert "Billing" not in plotted
    # Below the chart: under the x axis's ticks.
    ys = [float(t.get("y", "")) for t in listing.iter(f"{SVG}text")]
    assert min(ys) > 480 + 20
    assert float(root.get("height", "")) > max(ys)


def test_markup_in_a_process_name_stays_text() -> None:
    svg = cx_matrix(CX)
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "&lt;/text&gt;&lt;script&gt;" in svg
    shop = next(
        g
        for g in classed(root, "g", "process")
        if g.findtext(f"{SVG}title", "").startswith("</text>")
    )
    assert dot_of(shop) == (190, 120)


def test_the_matrix_is_the_same_bytes_for_the_same_result() -> None:
    again = ResultRead.model_validate(CX.model_dump(mode="json"))
    assert cx_matrix(CX, 55) == cx_matrix(again, 55)


def test_an_empty_matrix_is_still_a_picture() -> None:
    root = parse(cx_matrix(result("cx_efficiency")))
    assert not classed(root, "g", "process")
    assert not classed(root, "g", "not-rated")


# --- readability: no text covers another, a line or a marker -------------------------------------

# Each <text>'s box is estimated as the pictures estimate it (`text_width`, and the font's ascent
# and descent), grown by a margin on every side: the check is stricter than the drawing.
MARGIN = 1.0
Rect = tuple[float, float, float, float]


def text_boxes(root: ET.Element) -> list[tuple[str, Rect]]:
    """Every written text and the box it takes on the page (a quarter turn included)."""
    out = []
    for element in root.iter(f"{SVG}text"):
        words = "".join(element.itertext())
        size = float(element.get("font-size", ""))
        width = text_width(words, size, bold=element.get("font-weight") == "bold")
        x, y = float(element.get("x", "")), float(element.get("y", ""))
        x0 = {"start": x, "middle": x - width / 2, "end": x - width}[
            element.get("text-anchor", "start")
        ]
        corners = [(x0, y - ASCENT * size), (x0 + width, y + DESCENT * size)]
        turn = re.fullmatch(r"rotate\((-?90) (\S+) (\S+)\)", element.get("transform", ""))
        if turn:  # a quarter turn about (cx, cy): (dx, dy) becomes (-dy, dx) or (dy, -dx)
            sign, cx, cy = float(turn[1]) / 90, float(turn[2]), float(turn[3])
            corners = [(cx - sign * (py - cy), cy + sign * (px - cx)) for px, py in corners]
        else:
            assert not element.get("transform"), element.get("transform")
        (ax, ay), (bx, by) = corners
        out.append(
            (
                words,
                (
                    min(ax, bx) - MARGIN,
                    min(ay, by) - MARGIN,
                    max(ax, bx) + MARGIN,
                    max(ay, by) + MARGIN,
                ),
            )
        )
    return out


def lines_of(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """The straight lines drawn: <line>s and the edges of unfilled rectangles (the axes)."""
    out = [
        tuple(float(line.get(a, "")) for a in ("x1", "y1", "x2", "y2"))
        for line in root.iter(f"{SVG}line")
    ]
    for rect in root.iter(f"{SVG}rect"):
        if rect.get("fill") == "none":
            x, y = float(rect.get("x", "")), float(rect.get("y", ""))
            w, h = float(rect.get("width", "")), float(rect.get("height", ""))
            out += [(x, y, x + w, y), (x + w, y, x + w, y + h), (x, y + h, x + w, y + h)]
            out += [(x, y, x, y + h)]
    return out  # type: ignore[return-value]


def touches(line: tuple[float, float, float, float], box: Rect) -> bool:
    """Whether a line passes through a box, walked in steps of a quarter pixel."""
    x1, y1, x2, y2 = line
    steps = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) * 4))
    return any(
        box[0] <= x1 + (x2 - x1) * i / steps <= box[2]
        and box[1] <= y1 + (y2 - y1) * i / steps <= box[3]
        for i in range(steps + 1)
    )


def meet(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_legible(root: ET.Element, *, text_in_circles: bool = False) -> None:
    """No two texts overlap; no text is crossed by a line (axes, thresholds, ticks, leaders) or
    covers a marker; every text lies on the picture. With `text_in_circles`, a text may sit
    wholly inside a circle (the grid's centre) but not across its edge."""
    boxes = text_boxes(root)
    assert boxes
    view = (0.0, 0.0, float(root.get("width", "")), float(root.get("height", "")))
    for words, box in boxes:
        assert view[0] <= box[0], (words, box)
        assert box[2] <= view[2], (words, box)
        assert view[1] <= box[1], (words, box)
        assert box[3] <= view[3], (words, box)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not meet(box_a, box_b), (a, box_a, b, box_b)
    for line in lines_of(root):
        for words, box in boxes:
            assert not touches(line, box), (words, box, line)
    for circle in root.iter(f"{SVG}circle"):
        cx, cy, r = (float(circle.get(a, "")) for a in ("cx", "cy", "r"))
        disc = (cx - r, cy - r, cx + r, cy + r)
        for words, box in boxes:
            if text_in_circles and all(
                math.hypot(px - cx, py - cy) <= r for px in box[::2] for py in box[1::2]
            ):
                continue
            assert not meet(box, disc), (words, box, (cx, cy, r))


NAMES = [
    "Checkout",
    "Returns desk",
    "IVR payment line",
    "Chatbot triage",
    "Order tracking",
    "Invoice dispute handling",
    "Password reset",
    "Loyalty enrolment",
    "Store appointment booking",
    "Delivery rescheduling",
    "Warranty claims",
    "Newsletter sign-up",
    "Customer onboarding and KYC verification",
    "Refunds",
    "Product reviews moderation",
    "Live chat",
    "Subscription cancellation",
    "Address change",
    "Gift cards",
    "Price match requests",
    "Click and collect",
    "Complaints escalation",
    "Survey follow-up",
    "Account deletion",
    "Back-in-stock alerts",
    "Trade-in valuation",
    "Installation scheduling",
    "Contract renewal",
    "Fraud review",
    "WWWWWWWWWWWWWWWWWWWWWWWWWW",
]


def quadrant_of(company: float, customer: float, efficient: float = 50) -> str:
    return {
        (False, False): "improve",
        (True, True): "verify",
        (False, True): "protect",
        (True, False): "danger",
    }[(company >= efficient, customer >= efficient)]


def crowd(count: int, *, on_a_grid: bool = False) -> ResultRead:
    """`count` rated processes: four at one point in danger, three on the thresholds' crossing,
    most of the rest within eight points of it, a few spread out; `on_a_grid`: every score a
    multiple of 25, as one respondent's ratings give, so many share a point."""
    rng = random.Random(count)
    points = [(75.0, 25.0)] * 4 + [(50.0, 50.0)] * 3
    while len(points) < count:
        if on_a_grid:
            points.append((25.0 * rng.randint(0, 4), 25.0 * rng.randint(0, 4)))
        elif len(points) % 4:
            points.append((round(rng.uniform(42, 58), 1), round(rng.uniform(42, 58), 1)))
        else:
            points.append((round(rng.uniform(5, 95), 1), round(rng.uniform(5, 95), 1)))
    return result(
        "cx_efficiency",
        processes=[
            process(f"p{i}", name, company, customer, quadrant_of(company, customer))
            for i, (name, (company, customer)) in enumerate(zip(NAMES, points, strict=False))
        ],
    )


CROWDS = {
    "12": crowd(12),
    "20": crowd(20),
    "30": crowd(30),
    "30 on a grid": crowd(30, on_a_grid=True),
}


@pytest.mark.parametrize("name", list(CROWDS))
def test_the_matrix_stays_legible_with_many_processes(name: str) -> None:
    crowded = CROWDS[name]
    for efficient in (50, 70):
        root = parse(cx_matrix(crowded, efficient))
        assert_readable(root)
        assert_legible(root)


@pytest.mark.parametrize("name", list(CROWDS))
def test_processes_at_one_point_share_one_marker_that_lists_them(name: str) -> None:
    crowded = CROWDS[name]
    root = parse(cx_matrix(crowded))
    markers = classed(root, "g", "process")
    titles = [m.findtext(f"{SVG}title", "") for m in markers]
    # Each process is listed by exactly one marker, and only one marker sits at each point.
    for item in crowded.processes:
        assert sum(f"{item.name}: company" in t for t in titles) == 1, item.name
    centres = [dot_of(m) for m in markers]
    assert len(set(centres)) == len(centres)
    same = [p.name for p in crowded.processes if (p.company, p.customer) == (75.0, 25.0)]
    (shared,) = [m for m in markers if all(n in m.findtext(f"{SVG}title", "") for n in same)]
    assert dot_of(shared) == (110 + 4 * 75, 480 - 4 * 25)
    assert "danger" in (shared.get("class") or "").split()
    # A marker says what it stands for: the start of its first name, or a letter keyed to the
    # list below the plot; where not even a letter fits, the list names it by where it is.
    keyed = {t for g in classed(root, "g", "key") for t in texts(g)}
    for marker in markers:
        title = marker.findtext(f"{SVG}title", "")
        written = texts(marker)
        if not written:
            names = same_point_names(title)
            assert names, title
            assert any(
                k.startswith("Near company") and all(n in k for n in names) for k in keyed
            ), (title, keyed)
            continue
        (label,) = written
        first = label.split(", ")[0].split(" +")[0].removesuffix("…")
        named = len(first) >= 3 and first in title
        assert named or any(k.startswith(f"{label} ") for k in keyed), (label, title)


def same_point_names(title: str) -> list[str]:
    """The names a marker's title lists."""
    return re.findall(r"(?:^|: |; )([^:;]+): company", title)


# --- the routes ---------------------------------------------------------------------------------

PROCESSES = [
    {"key": "ivr", "name": "IVR", "automated": True, "mandatory_for_customer": True},
    {"key": "web", "name": "Web", "automated": True, "mandatory_for_customer": False},
]


async def five_forces_result(client: httpx.AsyncClient, org: httpx.AsyncClient) -> dict[str, Any]:
    qs = await questions(client, "five_forces")
    base = await closed_assessment(
        client, org, "five_forces", [five_forces_answers(qs, levels) for levels in LEVELS]
    )
    response = await client.post(f"{base}/results")
    assert response.status_code == 201, response.text
    return dict(response.json())


async def cx_result(
    client: httpx.AsyncClient, org: httpx.AsyncClient, framework_id: str
) -> dict[str, Any]:
    """A CX-efficiency result of the framework version, from one respondent: IVR rated 3 for
    the company and 2 for the customer, Web 4 and 4."""
    created = await client.post(
        ASSESSMENTS, json={"framework_id": framework_id, "name": "cx", "processes": PROCESSES}
    )
    assert created.status_code == 201, created.text
    base = f"{ASSESSMENTS}/{created.json()['id']}"
    (person, *_) = await walk_pages(org, "/v1/org/people", limit=200)
    added = await client.post(f"{base}/respondents", json={"person_ids": [person["id"]]})
    assert added.status_code == 200, added.text
    rated = {"ivr": {"company": 3, "customer": 2}, "web": {"company": 4, "customer": 4}}
    sent = await client.put(f"{base}/responses/{person['id']}", json={"process_answers": rated})
    assert sent.status_code == 201, sent.text
    assert (await client.post(f"{base}/close")).status_code == 200
    response = await client.post(f"{base}/results")
    assert response.status_code == 201, response.text
    return dict(response.json())


def assert_svg(response: httpx.Response) -> ET.Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == "image/svg+xml"
    assert response.headers["content-security-policy"] == "default-src 'none'"
    root = parse(response.content)
    assert_self_contained(root)
    return root


async def assert_cached_for_good(client: httpx.AsyncClient, url: str) -> None:
    """A picture never changes: a strong ETag of its bytes, a year in the client's private
    cache, and 304 without a body when the client shows the tag it holds."""
    drawn = await client.get(url)
    etag = drawn.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag), etag  # strong: no W/
    assert drawn.headers["cache-control"] == "private, max-age=31536000, immutable"
    for held in (etag, f'"stale", W/{etag}', "*"):
        again = await client.get(url, headers={"if-none-match": held})
        assert again.status_code == 304, held
        assert again.content == b""
        assert again.headers["etag"] == etag
        assert again.headers["cache-control"] == drawn.headers["cache-control"]
    stale = await client.get(url, headers={"if-none-match": '"0123456789abcdef"'})
    assert stale.status_code == 200
    assert stale.content == drawn.content


@pytest.mark.asyncio
async def test_a_five_forces_result_is_drawn_as_its_grid(
    client: httpx.AsyncClient,
    other: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
) -> None:
    await load(org, inventory)
    forces = await five_forces_result(client, org)
    url = f"{RESULTS}/{forces['id']}/grid.svg"
    root = assert_svg(await client.get(url))
    for item in forces["quadrants"]:
        group = quadrant_group(root, item["key"])
        written = texts(group)
        assert f"{round(item['score'], 1):g}" in written, item
        assert ("weak" in written) is item["weak"], item
    assert {
        g.get("id", "").removeprefix("q-")
        for g in classed(root, "g", "weak")
        if g.get("id") != "centre"
    } == set(forces["weak_quadrants"])
    assert (await client.get(url)).content == (await client.get(url)).content
    await assert_cached_for_good(client, url)

    # Not a five-forces result, another tenant's, none at all.
    assert_problem(await client.get(f"{RESULTS}/{forces['id']}/cx-matrix.svg"), 409)
    assert_problem(await other.get(url), 404)
    assert_problem(await other.get(f"{RESULTS}/{forces['id']}/cx-matrix.svg"), 404)
    assert_problem(await client.get(f"{RESULTS}/{uuid.uuid4()}/grid.svg"), 404)


@pytest.mark.asyncio
async def test_a_cx_result_is_drawn_split_at_its_framework_versions_threshold(
    client: httpx.AsyncClient,
    other: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
) -> None:
    await load(org, inventory)
    (listed,) = await walk_pages(client, FRAMEWORKS, key="cx_efficiency")
    built_in = (await client.get(f"{FRAMEWORKS}/{listed['id']}")).json()
    document = copy.deepcopy(built_in["document"])
    document["thresholds"]["efficient"] = 70
    version = await client.post(
        f"{FRAMEWORKS}/{built_in['id']}/versions", json={"document": document}
    )
    assert version.status_code == 201, version.text

    # Built-in (efficient from 50): IVR, company 75 and customer 50, is efficient for both.
    at_50 = await cx_result(client, org, built_in["id"])
    assert [(p["key"], p["quadrant"]) for p in at_50["processes"]] == [
        ("ivr", "verify"),
        ("web", "verify"),
    ]
    root = assert_svg(await client.get(f"{RESULTS}/{at_50['id']}/cx-matrix.svg"))
    assert not classed(root, "g", "danger")
    (danger_region,) = classed(root, "rect", "danger")
    assert float(danger_region.get("x", "")) == 110 + 4 * 50

    # The tenant's version (efficient from 70): the same ratings put IVR in danger.
    at_70 = await cx_result(client, org, version.json()["id"])
    assert at_70["processes"][0]["quadrant"] == "danger"
    url = f"{RESULTS}/{at_70['id']}/cx-matrix.svg"
    root = assert_svg(await client.get(url))
    (danger_region,) = classed(root, "rect", "danger")
    assert float(danger_region.get("x", "")) == 110 + 4 * 70
    assert float(danger_region.get("y", "")) == 480 - 4 * 70
    (danger,) = classed(root, "g", "danger")
    assert texts(danger) == ["IVR"]
    assert dot_of(danger) == (110 + 4 * 75, 480 - 4 * 50)
    await assert_cached_for_good(client, url)
    # Another picture, another tag.
    at_50_url = f"{RESULTS}/{at_50['id']}/cx-matrix.svg"
    assert (await client.get(at_50_url)).headers["etag"] != (await client.get(url)).headers["etag"]

    # Not a CX result, another tenant's, none at all.
    assert_problem(await client.get(f"{RESULTS}/{at_70['id']}/grid.svg"), 409)
    assert_problem(await other.get(url), 404)
    assert_problem(await client.get(f"{RESULTS}/{uuid.uuid4()}/cx-matrix.svg"), 404)


# --- what a person sees: both pictures in headless Chromium -------------------------------------


def colours(rows: list[bytes]) -> Counter[bytes]:
    return Counter(row[i : i + 3] for row in rows for i in range(0, len(row), 3))


def hex_rgb(fill: str) -> bytes:
    return bytes.fromhex(fill.removeprefix("#"))


@pytest.mark.parametrize("picture", ["grid", "cx matrix"])
def test_both_pictures_render_in_a_browser(picture: str, tmp_path: Path) -> None:
    """Chromium draws the picture at its size, not blank, in its colours: the grid's score
    shades and weak red, the matrix's four regions, danger red and the process dots."""
    document = five_forces_grid(FORCES) if picture == "grid" else cx_matrix(CROWDS["30"])
    root = parse(document)
    width, height = int(root.get("width", "")), int(root.get("height", ""))
    source = tmp_path / "picture.svg"
    source.write_text(document, encoding="utf-8")
    shot = screenshot(source.as_uri(), tmp_path / "picture.png", width=width, height=height)
    got_width, got_height, rows = read_png(shot)
    assert (got_width, got_height) == (width, height)
    seen = colours(rows)
    white = seen[b"\xff\xff\xff"]
    assert white < 0.9 * width * height  # not blank
    assert len(seen) >= 20  # text is anti-aliased: many shades beside the fills
    expected = (
        [ramp(81.3), ramp(42.5), ramp(12.0), ramp(66.0), RED]
        if picture == "grid"
        else [*CX_FILLS.values(), RED, DOT]
    )
    for fill in expected:
        assert seen[hex_rgb(fill)] >= 30, fill  # each drawn over a visible area
