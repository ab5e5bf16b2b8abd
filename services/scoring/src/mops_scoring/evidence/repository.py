"""The reads of the evidence catalogue. It lives in code (`catalogue.py`), not in a table, so
it is ordered and cut here rather than in SQL."""

from __future__ import annotations

from mops_scoring.evidence.catalogue import SIGNALS, Signal


def signals_after(after: str | None, limit: int) -> tuple[list[Signal], bool]:
    """Up to `limit` signals in key order after the key `after` (from the start when None),
    and whether more follow."""
    signals = sorted(SIGNALS.values(), key=lambda s: s.key)
    if after is not None:
        signals = [signal for signal in signals if signal.key > after]
    return signals[:limit], len(signals) > limit
