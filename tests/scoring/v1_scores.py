"""What the engine computes for each built-in v1 framework from fixed answers and evidence.

The recorded bytes (`fixtures/v1_scores/<key>.json`) were written by the engine as it was
before the v2 frameworks' rules were added (commit 40dee31); `test_engine` proves the engine
still writes them byte for byte, so a v1 version scores the same inputs as it always did.

    python -m tests.scoring.v1_scores DIR   # writes <key>.json for each built-in v1 into DIR
"""

from __future__ import annotations

import json
import sys
import uuid
from importlib import resources
from pathlib import Path

from pydantic import TypeAdapter

from mops_scoring.assessments.schemas import Process
from mops_scoring.frameworks.schemas import FrameworkDocument
from mops_scoring.results.engine import Answers, Scores, score
from mops_scoring.results.schemas import EvidenceValue

BUILT_IN_KEYS = ("five_forces", "cx_efficiency", "mo_readiness")
FIXTURES = Path(__file__).parent / "fixtures" / "v1_scores"

PROCESSES = [
    Process(
        key="ivr",
        name="IVR",
        tool_ids=[uuid.UUID(int=1)],
        automated=True,
        mandatory_for_customer=True,
    ),
    Process(key="web", name="Web", automated=True, mandatory_for_customer=False),
    Process(key="shop", name="Shop", automated=False, mandatory_for_customer=False),
]


def built_in_v1(key: str) -> FrameworkDocument:
    text = resources.files("mops_scoring.frameworks.builtin").joinpath(f"{key}.v1.json")
    return FrameworkDocument.model_validate(json.loads(text.read_text()))


def _answers(document: FrameworkDocument) -> list[Answers]:
    """Three respondents, each question answered at a level that varies by both."""
    span = document.scale.max - document.scale.min
    responses = []
    for respondent in range(3):
        once: dict[str, int] = {}
        per_process: dict[str, dict[str, int]] = {p.key: {} for p in PROCESSES}
        for j, question in enumerate(document.questions):
            level = int(document.scale.min + (respondent * 7 + j * 3) % (span + 1))
            if question.per_process:
                for k, process in enumerate(PROCESSES):
                    if (respondent + k) % 3:  # some processes left unrated by some
                        per_process[process.key][question.key] = int(
                            document.scale.min + (level + k) % (span + 1)
                        )
            elif (respondent + j) % 5:  # some questions left unanswered
                once[question.key] = level
        responses.append(Answers(once=once, per_process=per_process))
    return responses


def _evidence(document: FrameworkDocument) -> dict[str, EvidenceValue]:
    """Every signal the document names: a value between its mapping's ends (and beyond, for
    one), and the last one missing."""
    values: dict[str, EvidenceValue] = {}
    signals = list(dict.fromkeys(item.signal for item in document.evidence))
    for i, item in enumerate(document.evidence):
        if item.signal in values:
            continue
        low, high = item.mapping.low, item.mapping.high
        fraction = (0.15, 0.5, 0.85, 1.3)[i % 4]
        missing = item.signal == signals[-1]
        values[item.signal] = EvidenceValue(
            signal=item.signal,
            name=item.name,
            sources=list(item.sources),
            unit="share",
            raw=None if missing else round(low + fraction * (high - low), 6),
            basis={"figure": i},
            missing="not measured in this fixture" if missing else None,
        )
    return values


def scores_of(key: str) -> bytes:
    document = built_in_v1(key)
    processes = PROCESSES if key == "cx_efficiency" else []
    scores = score(document, _answers(document), _evidence(document), processes)
    return TypeAdapter(Scores).dump_json(scores, indent=1)


def main(directory: str) -> None:
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for key in BUILT_IN_KEYS:
        (out / f"{key}.json").write_bytes(scores_of(key))
        sys.stdout.write(f"wrote {out / f'{key}.json'}\n")


if __name__ == "__main__":
    main(sys.argv[1])
