"""The evidence signals a framework can name, listed a page at a time like every list."""

from __future__ import annotations

from dataclasses import asdict

from mops_scoring.evidence import repository
from mops_scoring.evidence.schemas import EvidenceSignalRead
from mops_shared.kit.pagination import CursorValue, decode_values, encode_values
from mops_shared.kit.reads import WireJSON

# Paged by key: the cursor carries the last key of the page.
_ORDER = "key"
SIGNAL_JSON = WireJSON(EvidenceSignalRead)


def read_signals(limit: int, cursor: str | None) -> bytes:
    """`list_evidence_signals`' answer as JSON."""
    after: str | None = None
    if cursor is not None:
        (after,) = decode_values(_ORDER, cursor, [CursorValue(str)])
    page, more = repository.signals_after(after, limit)
    return SIGNAL_JSON.dumps_page(
        [
            SIGNAL_JSON.item(asdict(signal), sources=[source.value for source in signal.sources])
            for signal in page
        ],
        encode_values(_ORDER, [page[-1].key]) if more else None,
    )
