"""The evidence signals a framework can name, listed a page at a time like every list."""

from __future__ import annotations

from mops_scoring.evidence import repository
from mops_scoring.evidence.schemas import EvidenceSignalPage, EvidenceSignalRead
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import decode_values, encode_values

# Paged by key: the cursor carries the last key of the page.
_ORDER = "key"


def list_signals(limit: int, cursor: str | None) -> EvidenceSignalPage:
    after: str | None = None
    if cursor is not None:
        (value,) = decode_values(_ORDER, cursor, 1)
        if not isinstance(value, str):
            raise ValidationFailed.at(
                ProblemLocation.query, "/cursor", "cursor is not valid for this list and sort"
            )
        after = value
    page, more = repository.signals_after(after, limit)
    return EvidenceSignalPage(
        items=[
            EvidenceSignalRead(
                key=signal.key,
                name=signal.name,
                sources=list(signal.sources),
                unit=signal.unit,
                formula=signal.formula,
            )
            for signal in page
        ],
        next_cursor=encode_values(_ORDER, [page[-1].key]) if more else None,
    )
