"""The rules of a framework document that its JSON Schema cannot say: keys unique and
referenced correctly, weights that sum to 1, `answers_weight` as its dimension's inputs make it,
scales fully labelled, one use of a signal per dimension, mappings that map. Each failure is
reported at its JSON pointer.

What the schema of each kind says (`FrameworkDocumentWrite`) Pydantic checks, but for what it
cannot: the `sources` of a signal from two services and the two dimensions of a CX-efficiency
framework (`uniqueItems`, `contains`), and a quadrant's two different dimensions, are checked
here too."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.frameworks.schemas import (
    CX_DIMENSIONS,
    WEIGHT_TOLERANCE,
    BandMapping,
    FrameworkDocument,
    Scale,
)
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.errors import body_error


class _Errors:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.items: list[ProblemFieldError] = []

    def add(self, pointer: str, detail: str) -> None:
        self.items.append(body_error(f"{self.prefix}{pointer}", detail))


def check_document(document: FrameworkDocument, prefix: str = "") -> list[ProblemFieldError]:
    """Every rule the document breaks (empty when it breaks none); pointers start with
    `prefix` (the document's place in the request body)."""
    errors = _Errors(prefix)
    dimensions = _unique(errors, "/dimensions", [d.key for d in document.dimensions])
    _check_scale(errors, "/scale", document.scale)
    _unique(errors, "/questions", [q.key for q in document.questions])
    for i, question in enumerate(document.questions):
        at = f"/questions/{i}"
        _known(errors, f"{at}/dimension", question.dimension, dimensions)
        if question.scale is not None:
            _check_scale(errors, f"{at}/scale", question.scale)
    seen_evidence: dict[tuple[str, str], int] = {}
    for i, evidence in enumerate(document.evidence):
        at = f"/evidence/{i}"
        _known(errors, f"{at}/dimension", evidence.dimension, dimensions)
        earlier = seen_evidence.setdefault((evidence.signal, evidence.dimension), i)
        if earlier != i:
            errors.add(at, f"evidence {earlier} already uses this signal in this dimension")
        signal = SIGNALS.get(evidence.signal)
        if signal is None:  # the schema of a written document allows none other
            errors.add(f"{at}/signal", f"no evidence signal {evidence.signal!r} in the catalogue")
        elif sorted(evidence.sources) != sorted(signal.sources):
            expected = ", ".join(source.value for source in signal.sources)
            errors.add(f"{at}/sources", f"{evidence.signal} is computed from: {expected}")
        mapping = evidence.mapping
        if math.isclose(mapping.low, mapping.high):
            errors.add(f"{at}/mapping/high", "must differ from low")
        elif isinstance(mapping, BandMapping):
            bounds = ("low", "best_low", "best_high", "high")
            for lower, upper in itertools.pairwise(bounds):
                if getattr(mapping, lower) > getattr(mapping, upper):
                    errors.add(f"{at}/mapping/{upper}", f"must not be below {lower}")
    _check_weights(errors, document)
    _check_kind(errors, document, dimensions)
    return errors.items


def _unique(errors: _Errors, at: str, keys: Sequence[str]) -> set[str]:
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        earlier = first.setdefault(key, i)
        if earlier != i:
            errors.add(f"{at}/{i}/key", f"the same key as item {earlier}")
    return set(first)


def _known(errors: _Errors, at: str, key: str, dimensions: set[str]) -> None:
    if key not in dimensions:
        errors.add(at, f"no dimension {key!r} in this framework")


def _check_scale(errors: _Errors, at: str, scale: Scale) -> None:
    if scale.max <= scale.min:
        errors.add(f"{at}/max", "must be greater than min")
        return
    wanted = {str(value) for value in range(scale.min, scale.max + 1)}
    missing = sorted(wanted - set(scale.labels), key=int)
    if missing:
        errors.add(f"{at}/labels", f"no label for {', '.join(missing)}")
    for value in sorted(set(scale.labels) - wanted):
        errors.add(f"{at}/labels/{value}", f"not a value of the scale {scale.min}-{scale.max}")


def _sums(pairs: Iterable[tuple[str, float]]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for key, weight in pairs:
        totals[key] += weight
    return totals


def _check_weights(errors: _Errors, document: FrameworkDocument) -> None:
    questions = _sums((q.dimension, q.weight) for q in document.questions)
    evidence = _sums((e.dimension, e.weight) for e in document.evidence)
    for i, dimension in enumerate(document.dimensions):
        at = f"/dimensions/{i}"
        for part, totals in (("questions", questions), ("evidence", evidence)):
            total = totals.get(dimension.key)
            if total is not None and not math.isclose(total, 1, abs_tol=WEIGHT_TOLERANCE):
                errors.add(
                    at,
                    f"the weights of the {part} of {dimension.key!r} sum to {total:g}, not 1",
                )
        if dimension.key not in questions and dimension.answers_weight != 0:
            errors.add(f"{at}/answers_weight", "must be 0: no question scores this dimension")
        if dimension.key not in evidence and dimension.answers_weight != 1:
            errors.add(f"{at}/answers_weight", "must be 1: no evidence scores this dimension")


def _check_kind(errors: _Errors, document: FrameworkDocument, dimensions: set[str]) -> None:
    if document.kind == FrameworkKind.five_forces:
        _unique(errors, "/quadrants", [quadrant.key for quadrant in document.quadrants])
        for i, quadrant in enumerate(document.quadrants):
            for j, key in enumerate(quadrant.dimensions):
                _known(errors, f"/quadrants/{i}/dimensions/{j}", key, dimensions)
            if len(set(quadrant.dimensions)) != len(quadrant.dimensions):
                errors.add(f"/quadrants/{i}/dimensions", "two different dimensions")
        if document.centre is not None:
            _known(errors, "/centre/dimension", document.centre.dimension, dimensions)
    elif document.kind == FrameworkKind.cx_efficiency:
        for key in CX_DIMENSIONS:
            if key not in dimensions:
                errors.add("/dimensions", f"a CX-efficiency framework has a {key!r} dimension")
    thresholds = document.thresholds
    strategic = thresholds.strategic_when_tipping_points
    if strategic is not None:
        at = "/thresholds/strategic_when_tipping_points"
        if document.kind != FrameworkKind.mo_readiness:
            errors.add(at, "only an MO-readiness framework has readiness levels")
        elif strategic < thresholds.due_when_tipping_points:
            errors.add(at, "must not be below due_when_tipping_points")
        elif strategic > len(document.dimensions):
            errors.add(at, f"must not be above the {len(document.dimensions)} dimensions")
