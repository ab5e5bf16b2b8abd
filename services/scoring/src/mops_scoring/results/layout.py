"""Text sizes and label placement for the pictures: pure geometry, no drawing.

Widths are estimated, not measured (the service has no font renderer): each character's advance
in DejaVu Sans, the first font the pictures name, in thousandths of an em, as Chromium measures
it; bold has its own table. Arial and Helvetica, the fallbacks, are narrower, so the estimate is
an upper bound wherever one of the three is installed. A character outside printable ASCII is
taken as a full em, wider than any in the tables. Heights are the font's ascent and descent.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with y down, as in SVG
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1

# DejaVu Sans advances (1/1000 em) of the characters from " " (32) to "~" (126).
_REGULAR = (
    "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,"
    "636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,"
    "863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,"
    "635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,"
    "636,337,636,838"
)
_BOLD = (
    "348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,"
    "696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,"
    "637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,"
    "716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,"
    "645,652,582,712,365,712,838"
)
_ADVANCES = {
    False: tuple(int(w) for w in _REGULAR.split(",")),
    True: tuple(int(w) for w in _BOLD.split(",")),
}
_WIDE = 1000  # any other character: a full em ("…" is exactly one)

ASCENT, DESCENT = 0.93, 0.24  # DejaVu Sans, in em: how far glyphs reach above and below the line


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The estimated width, in px, of `text` set at `size` px."""
    table = _ADVANCES[bold]
    total = sum(table[ord(c) - 32] if 32 <= ord(c) <= 126 else _WIDE for c in text)
    return total * size / 1000


def text_box(x: float, y: float, width: float, size: float, anchor: str) -> Box:
    """The box a line of text takes, from its anchor point (x, baseline y)."""
    x0 = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (x0, y - ASCENT * size, x0 + width, y + DESCENT * size)


def grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(box: Box, bounds: Box) -> bool:
    return (
        box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
    )


def crosses(segment: Segment, box: Box) -> bool:
    """Whether a segment passes through a box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segments_cross(s: Segment, t: Segment) -> bool:
    """Whether two segments cross (touching at an end counts)."""
    p, p2, q, q2 = (s[0], s[1]), (s[2], s[3]), (t[0], t[1]), (t[2], t[3])
    d1, d2 = _cross(q, q2, p), _cross(q, q2, p2)
    d3, d4 = _cross(p, p2, q), _cross(p, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 * d2 != 0 and d3 * d4 != 0:
        return True
    # Collinear or touching: fall back to the boxes of the two segments.
    if 0 in (d1, d2, d3, d4):
        return overlaps(
            (min(s[0], s[2]), min(s[1], s[3]), max(s[0], s[2]) + 1e-9, max(s[1], s[3]) + 1e-9),
            (min(t[0], t[2]), min(t[1], t[3]), max(t[0], t[2]) + 1e-9, max(t[1], t[3]) + 1e-9),
        )
    return False


@dataclass(frozen=True)
class Placement:
    """Where a label went: its text anchor (x, baseline, text-anchor), its box, and the leader
    line from the marker's edge to the box when it stands away from the marker."""

    x: float
    y: float
    anchor: str
    box: Box
    leader: Segment | None


# Around a marker: right, left, above, below, then the diagonals. Away from it, on a leader:
# sixteen directions at growing distances, the level ones first (a label reads sideways).
_NEAR = (0, 180, 90, 270, 45, 135, 315, 225)
_FAR_ANGLES = (0, 180, 30, 150, 330, 210, 60, 120, 300, 240, 90, 270, 15, 165, 345, 195)
_FAR_DISTANCES = (26.0, 40.0, 56.0, 74.0, 94.0, 118.0, 146.0)


@dataclass
class Placer:
    """Places labels one at a time, each where it covers nothing placed before.

    A label must lie within `bounds`, cross no `walls` (lines such as axes and thresholds), and
    overlap no marker, obstacle (fixed text) nor any label or leader placed before; a leader
    must cross no obstacle, label or other leader, and no marker but its own (`own`) unless no
    place is found otherwise. `pad` is kept clear around each label."""

    bounds: Box
    walls: Sequence[Segment] = ()
    obstacles: list[Box] = field(default_factory=list)
    markers: Sequence[Box] = ()
    pad: float = 2.0
    leaders: list[Segment] = field(default_factory=list)

    def place(
        self,
        x: float,
        y: float,
        reach: float,
        width: float,
        size: float,
        own: Box | None = None,
        home: Box | None = None,
        near_only: bool = False,
    ) -> Placement | None:
        """A place for a label `width` px wide, one line of `size` px, for the marker at (x, y)
        taking `reach` px around it (its box `own`), or None. Tried in turn: within `home` (the
        marker's region); anywhere; anywhere with a leader passing under other markers.
        `near_only`: only beside the marker, no leader."""
        passes = [(home, False)] if home else []
        for within, under in [*passes, (None, False), (None, True)]:
            for candidate in self._candidates(x, y, reach, width, size, near_only):
                if within is not None and not inside(candidate.box, within):
                    continue
                if self._free(candidate, own, under_markers=under):
                    self.obstacles.append(grow(candidate.box, self.pad))
                    if candidate.leader is not None:
                        self.leaders.append(candidate.leader)
                    return candidate
        return None

    def _candidates(
        self, x: float, y: float, reach: float, width: float, size: float, near_only: bool
    ) -> Iterable[Placement]:
        gap = reach + self.pad + 1
        for degrees in _NEAR:
            yield from self._beside(
                x, y, degrees, gap, width, size, leader=False, reach=reach, pad=self.pad
            )
        for distance in () if near_only else _FAR_DISTANCES:
            for degrees in _FAR_ANGLES:
                yield from self._beside(
                    x,
                    y,
                    degrees,
                    reach + distance,
                    width,
                    size,
                    leader=True,
                    reach=reach,
                    pad=self.pad,
                )

    @staticmethod
    def _beside(
        x: float,
        y: float,
        degrees: float,
        distance: float,
        width: float,
        size: float,
        *,
        leader: bool,
        reach: float,
        pad: float,
    ) -> Iterable[Placement]:
        """The labels whose box touches the point `distance` from (x, y) towards `degrees`
        (counter-clockwise from the right, as read on the page): beside it, or above or below
        it (centred on it, then ending or starting there)."""
        cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
        px, py = x + distance * cos, y - distance * sin
        height = (ASCENT + DESCENT) * size
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        # Vertically the box's nearest edge meets the point; level labels are centred on it.
        top = py - height / 2 if abs(sin) < 0.3 else py - height if sin > 0 else py
        baseline = top + ASCENT * size
        # The leader stops short of the label, outside the room kept clear around it.
        end = distance - pad - 1
        line = (x + reach * cos, y - reach * sin, x + end * cos, y - end * sin) if leader else None
        anchors = [anchor] if abs(sin) < 0.3 else [anchor, "middle", "end", "start"]
        for each in dict.fromkeys(anchors):
            yield Placement(px, baseline, each, text_box(px, baseline, width, size, each), line)

    def _free(self, candidate: Placement, own: Box | None, *, under_markers: bool) -> bool:
        padded = grow(candidate.box, self.pad)
        if not inside(padded, self.bounds):
            return False
        if any(crosses(wall, padded) for wall in self.walls):
            return False
        if any(overlaps(padded, other) for other in (*self.obstacles, *self.markers)):
            return False
        if any(crosses(line, padded) for line in self.leaders):
            return False
        line = candidate.leader
        if line is None:
            return True
        # A leader may cross a threshold (crowds gather where the thresholds cross), and in the
        # last resort pass under other markers (drawn beneath them), never through text.
        markers = () if under_markers else self.markers
        return not (
            any(segments_cross(line, other) for other in self.leaders)
            or any(crosses(line, other) for other in self.obstacles)
            or any(crosses(line, other) for other in markers if other != own)
        )
